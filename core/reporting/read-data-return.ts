import type { DataReturn, MeetingReturn } from '../contracts/data-return-api.js';
import type { RunCaseRecord, RunRecord } from '../ports/meeting-run.js';
import type { AgencyRecord, MeetingRecord, Repos, UnitOfWork } from '../ports/store.js';
import { dateInWords } from '../shared/date-words.js';
import { DomainError } from '../shared/errors.js';
import { caseFacts, type CaseFacts, type ReferringAgency } from './case-facts.js';
import { figuresOf } from './figures.js';
import { inQuarter, parseQuarter, QUARTER_WORDS, type Quarter } from './quarter.js';

export interface DataReturnDeps {
  uow: UnitOfWork;
}

export interface DataReturnQuery {
  areaId: string;
  /** `2027-Q1`: January to March 2027, by the London dates of the meetings. */
  quarter: string;
  /** With the case references behind each figure (the coordinator's drill-down). */
  references: boolean;
  /**
   * Read to be downloaded as a file: audited as an export of that kind, since a copy of the
   * figures (and, for the coordinator, the references) then leaves the app.
   */
  export?: 'csv' | 'xlsx';
}

/** `data-return.read`, `data-return.export-csv-cases`: what was read, and whether it left. */
function auditAction(input: DataReturnQuery): string {
  const verb = input.export ? `export-${input.export}` : 'read';
  return `data-return.${verb}${input.references ? '-cases' : ''}`;
}

/** A quarter name that names a quarter, or a validation error naming the field. */
export function quarterOrRefuse(name: string, field = 'quarter'): Quarter {
  const quarter = parseQuarter(name);
  if (quarter) return quarter;
  throw new DomainError('VALIDATION_FAILED', `Quarter: use ${QUARTER_WORDS}.`, [
    { path: field, message: `use ${QUARTER_WORDS}` },
  ]);
}

const recordOf = (run: RunRecord | null): MeetingReturn['record'] =>
  run === null ? 'not-started' : run.state === 'closed' ? 'closed' : 'in-progress';

function warningFor(meeting: MeetingRecord, record: MeetingReturn['record']): string | null {
  const on = dateInWords(meeting.date, 'long');
  if (record === 'in-progress')
    return `The meeting on ${on} is not closed: its figures count only the cases heard so far. Ask the chair to close it.`;
  if (record === 'not-started')
    return `The meeting on ${on} has no record of being held: none of its cases is counted. If it met, record it in the app.`;
  return null;
}

/** The facts of each case heard at the meeting, in running order; deferred ones apart. */
async function meetingCases(
  repos: Repos,
  meeting: MeetingRecord,
  agencyOf: (id: string) => ReferringAgency,
): Promise<{ heard: CaseFacts[]; deferred: RunCaseRecord[] }> {
  const cases = [...(await repos.meetingRun.cases(meeting.id))].sort(
    (a, b) => a.position - b.position,
  );
  const heard: CaseFacts[] = [];
  for (const c of cases.filter((x) => x.state === 'heard')) {
    const referral = await repos.referrals.get(c.referralId);
    // A heard case's referral is complete: a draft never reaches a running order.
    if (!referral || referral.status === 'draft') continue;
    heard.push(caseFacts({ ...referral, reference: c.reference }, meeting.date, agencyOf));
  }
  return { heard, deferred: cases.filter((c) => c.state === 'deferred') };
}

function agencyFinder(agencies: readonly AgencyRecord[]) {
  const known = new Map(agencies.map((a) => [a.id, a]));
  return (agencyId: string): ReferringAgency => {
    const agency = known.get(agencyId);
    return agency
      ? { agencyId, name: agency.name, kind: agency.kind }
      : { agencyId, name: 'Agency not on this area', kind: 'not-on-area' };
  };
}

/** A copy without the case references: the figures an admin may read. */
function withoutReferences<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutReferences) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'references')
      .map(([key, inner]) => [key, withoutReferences(inner)]),
  ) as T;
}

/**
 * The area's quarterly MARAC data return, computed from the record, at meeting level as
 * SafeLives collects it: each meeting of the quarter (by its London date, cancelled ones left
 * out) with the figures of the cases heard at it, and the quarter's totals. Only cases the
 * meeting's record marks heard count: a case deferred to a later meeting counts there, once,
 * and a case still waiting counts nowhere. Reading it decrypts the heard cases' referrals, so it
 * is audited as a read of the area's case data.
 */
export async function readDataReturn(
  deps: DataReturnDeps,
  input: DataReturnQuery,
): Promise<DataReturn> {
  const quarter = quarterOrRefuse(input.quarter);
  const answer = await deps.uow.run(async (repos): Promise<DataReturn> => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    const agencyOf = agencyFinder(await repos.areas.agencies(area.id));
    const meetings = (
      await repos.meetings.listForArea(area.id, { from: quarter.from, to: quarter.to })
    ).filter((m) => m.status !== 'cancelled' && inQuarter(quarter, m.date));
    const all: CaseFacts[] = [];
    const perMeeting: MeetingReturn[] = [];
    const warnings: string[] = [];
    for (const meeting of meetings) {
      const record = recordOf(await repos.meetingRun.run(meeting.id));
      const { heard, deferred } = await meetingCases(repos, meeting, agencyOf);
      all.push(...heard);
      const warning = warningFor(meeting, record);
      if (warning) warnings.push(warning);
      perMeeting.push({
        meetingId: meeting.id,
        date: meeting.date,
        startTime: meeting.startTime,
        record,
        deferred: { count: deferred.length, references: deferred.map((c) => c.reference) },
        figures: figuresOf(heard),
      });
    }
    const recode = (field: 'ethnicity' | 'sexuality') => {
      const references = all.filter((c) => c.toRecode[field]).map((c) => c.reference);
      return { count: references.length, references };
    };
    await repos.audit.record(auditAction(input), 'area', area.id);
    return {
      area: { id: area.id, name: area.name, code: area.code ?? null },
      quarter: quarter.name,
      from: quarter.from,
      to: quarter.to,
      meetings: perMeeting,
      total: figuresOf(all),
      toRecode: { ethnicity: recode('ethnicity'), sexuality: recode('sexuality') },
      warnings,
    };
  });
  return input.references ? answer : withoutReferences(answer);
}
