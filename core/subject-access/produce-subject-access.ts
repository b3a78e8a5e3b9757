import type {
  SubjectAccessBody,
  SubjectCandidate,
  SubjectCandidatesView,
} from '../contracts/subject-access-api.js';
import type { SubjectIdentity } from '../ports/subject-access.js';
import type { Clock, Repos, UnitOfWork } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { agreementOf, sortMatches, type FoundPerson } from './find-person.js';
import { gatherCase } from './gather-case.js';
import { onDate, type ReportField, type SubjectAccessReport } from './report.js';

export interface SubjectAccessDeps {
  uow: UnitOfWork;
  clock: Clock;
}

export interface SubjectAccessInput {
  /** The area the request was made in (the route's). */
  areaId: string;
  /** The coordinator: their name for the PDF, and every area they coordinate. */
  coordinator: { name: string; areaIds: readonly string[] };
  body: SubjectAccessBody;
}

export type SubjectAccessOutcome =
  | { kind: 'candidates'; view: SubjectCandidatesView }
  | { kind: 'report'; report: SubjectAccessReport };

const CANDIDATES_MESSAGE =
  'Some records may be this person\u2019s but do not match exactly. Compare each with the person\u2019s own details, then send the request again with a decision on each case: include it, or rule it out.';

const HOW_FOUND: Record<string, string> = {
  exact: 'Name, date of birth and postcode match exactly',
  reference: 'The case of the reference given',
  confirmed: 'A possible match the coordinator confirmed',
};

function notFoundReference(): DomainError {
  const message =
    'Case reference: check it: there is no submitted referral with this reference in the areas you coordinate.';
  return new DomainError('VALIDATION_FAILED', message, [{ path: 'body.reference', message }]);
}

/** The person as matched: their details as given, or the victim of the reference's referral. */
async function identify(
  repos: Repos,
  partnershipId: string,
  areaIds: ReadonlySet<string>,
  body: SubjectAccessBody,
): Promise<{ identity: SubjectIdentity; caseId: string | null; identifiedBy: ReportField[] }> {
  if (body.person) {
    const p = body.person;
    return {
      identity: {
        name: p.name,
        otherNames: p.otherNames,
        dateOfBirth: p.dateOfBirth,
        postcode: p.postcode?.trim() || null,
      },
      caseId: null,
      identifiedBy: [
        { label: 'Name', value: p.name },
        ...(p.otherNames.length > 0
          ? [{ label: 'Other names', value: p.otherNames.join(', ') }]
          : []),
        { label: 'Date of birth', value: onDate(p.dateOfBirth) },
        { label: 'Postcode', value: p.postcode?.trim() || 'Not given' },
      ],
    };
  }
  const id = await repos.subjectAccess.referralByReference(partnershipId, body.reference!);
  const referral = id ? await repos.referrals.get(id) : null;
  if (!referral || referral.status === 'draft' || !areaIds.has(referral.areaId))
    throw notFoundReference();
  const v = referral.form.victim;
  return {
    identity: {
      name: v.name,
      otherNames: v.otherNames,
      dateOfBirth: v.dateOfBirth,
      postcode: v.address?.postcode?.trim() || null,
    },
    caseId: referral.caseId,
    identifiedBy: [{ label: 'Case reference', value: referral.reference }],
  };
}

/** The candidates for the coordinator to decide, each with the victim as recorded to compare. */
async function candidatesView(
  repos: Repos,
  found: FoundPerson,
  areaNames: ReadonlyMap<string, string>,
  included: readonly { caseId: string; areaName: string; references: string[] }[],
): Promise<{ view: SubjectCandidatesView; shown: string[] }> {
  const candidates: SubjectCandidate[] = [];
  const shown: string[] = [];
  for (const [caseId, matches] of found.pending) {
    const referrals: SubjectCandidate['referrals'] = [];
    for (const m of matches) {
      const referral = await repos.referrals.get(m.referralId);
      if (!referral || referral.status === 'draft') continue;
      const v = referral.form.victim;
      shown.push(m.referralId);
      referrals.push({
        referralId: m.referralId,
        reference: m.reference,
        referredOn: m.referredOn,
        status: m.status,
        victim: {
          name: v.name,
          otherNames: [...v.otherNames],
          dateOfBirth: v.dateOfBirth,
          postcode: v.address?.postcode ?? null,
        },
        agreement: agreementOf(m.evidence),
      });
    }
    candidates.push({ caseId, areaName: areaNames.get(matches[0]!.areaId) ?? '', referrals });
  }
  return {
    view: { outcome: 'candidates', message: CANDIDATES_MESSAGE, found: [...included], candidates },
    shown,
  };
}

interface CaseInScope {
  caseId: string;
  areaName: string;
  references: string[];
  referralIds: string[];
}

/**
 * The included cases' referrals in the coordinator's areas. A repeat referred in another area
 * joins the case there: that area's coordinator answers for it, so it is counted, not read.
 */
async function casesInScope(
  repos: Repos,
  found: FoundPerson,
  areaIds: ReadonlySet<string>,
  areaNames: ReadonlyMap<string, string>,
): Promise<CaseInScope[]> {
  const referrals = await repos.subjectAccess.caseReferrals([...found.included.keys()]);
  const cases: CaseInScope[] = [];
  for (const caseId of found.included.keys()) {
    const own = referrals.filter((r) => r.caseId === caseId);
    for (const r of own.filter((x) => !areaIds.has(x.areaId)))
      found.elsewhere.set(r.areaId, (found.elsewhere.get(r.areaId) ?? new Set()).add(caseId));
    const inScope = own.filter((x) => areaIds.has(x.areaId));
    if (inScope.length === 0) continue;
    cases.push({
      caseId,
      areaName: areaNames.get(inScope[0]!.areaId) ?? '',
      references: inScope.map((r) => r.reference),
      referralIds: inScope.map((r) => r.referralId),
    });
  }
  return cases;
}

/** The report's first page: who made it, for whom, how each case was found. */
function reportHead(
  input: SubjectAccessInput,
  now: Date,
  found: FoundPerson,
  areas: { ids: ReadonlySet<string>; names: ReadonlyMap<string, string> },
  identifiedBy: ReportField[],
): SubjectAccessReport {
  return {
    producedAt: now,
    producedBy: input.coordinator.name,
    areaNames: [...areas.ids].map((id) => areas.names.get(id)!).sort(),
    identifiedBy,
    howFound: new Map([...found.included].map(([id, how]) => [id, HOW_FOUND[how]!])),
    ruledOut: found.ruledOut.size,
    elsewhere: [...found.elsewhere].map(([id, set]) => ({
      areaName: areas.names.get(id) ?? 'Another area',
      cases: set.size,
    })),
    cases: [],
  };
}

/**
 * Finds everything held about one person in the areas the coordinator coordinates (a subject
 * access request under the UK GDPR): their referrals by blind index (exact matches, the case of
 * a reference given, and the possible matches the coordinator confirmed), then every record of
 * each case. While a possible match is undecided, answers the candidates and produces nothing.
 * Every case read is audited as a read of its referrals, and the production by area and case
 * (ids only: the log never holds a name).
 */
export async function produceSubjectAccess(
  deps: SubjectAccessDeps,
  input: SubjectAccessInput,
): Promise<SubjectAccessOutcome> {
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    const names = await repos.subjectAccess.names(area.partnershipId);
    const areaIds = new Set(input.coordinator.areaIds.filter((id) => names.areas.has(id)));
    const who = await identify(repos, area.partnershipId, areaIds, input.body);
    const found = sortMatches({
      matches: await repos.subjectAccess.matches(area.partnershipId, who.identity),
      areaIds,
      referenceCaseId: who.caseId,
      decisions: new Map(input.body.decisions.map((d) => [d.caseId, d.include])),
    });
    const cases = await casesInScope(repos, found, areaIds, names.areas);
    if (found.pending.size > 0) {
      const included = cases.map(({ caseId, areaName, references }) => ({
        caseId,
        areaName,
        references,
      }));
      const { view, shown } = await candidatesView(repos, found, names.areas, included);
      for (const referralId of shown)
        await repos.audit.record('subject-access.candidate-shown', 'referral', referralId);
      await repos.audit.record('subject-access.candidates', 'area', input.areaId);
      return { kind: 'candidates', view };
    }
    const report = reportHead(
      input,
      deps.clock.now(),
      found,
      { ids: areaIds, names: names.areas },
      who.identifiedBy,
    );
    const read: string[] = [];
    for (const c of cases) {
      const gathered = await gatherCase(repos, {
        caseId: c.caseId,
        referralIds: c.referralIds,
        names,
      });
      report.cases.push(gathered.report);
      read.push(...gathered.referralIds);
    }
    // Audited last, once everything is read: the log's lock is held only to the commit.
    for (const referralId of read)
      await repos.audit.record('referral.read', 'referral', referralId);
    for (const c of report.cases)
      await repos.audit.record('subject-access.produced', 'case', c.caseId);
    await repos.audit.record('subject-access.produced', 'area', input.areaId);
    return { kind: 'report', report };
  });
}
