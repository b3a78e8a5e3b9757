import { address } from '../agendas/agenda-case.js';
import type { AgencyResearch } from '../contracts/research-api.js';
import type { SentReferralRecord } from '../ports/referrals.js';
import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { meetingCases } from './meeting-cases.js';
import { auditedWrite, requireAgencyRep } from './research-access.js';
import { researchDeadline } from './research-deadline.js';
import type { ResearchAuthor, ResearchDeps } from './research-deps.js';
import { shownStatus } from './research-status.js';

type AgencyCase = AgencyResearch['cases'][number];

/**
 * One agency's research form for a meeting, as its core rep or deputy sees it: the meeting's
 * cases in agenda order with who each is about (the rep searches their records by these), the
 * agency's own answer on each (drafts too: they are the agency's own), who changed it last, the
 * deadline and whether it is still open. Only a rep of an agency on the meeting's list may read
 * it; a refusal is audited. Each case read is audited by its referral id: the names are case data.
 */
export async function readAgencyResearch(
  deps: ResearchDeps,
  input: ResearchAuthor & { meetingId: string },
): Promise<AgencyResearch> {
  return auditedWrite(deps, 'research.agency-read', input.meetingId, () =>
    deps.uow.run(async (repos) => {
      const { meeting, area } = await requireAgencyRep(repos, input, 'read');
      const agency = (await repos.areas.agencies(area.id)).find((a) => a.id === input.agencyId);
      if (!agency) throw new DomainError('NOT_FOUND', 'This agency is not on this MARAC area.');
      const deadline = researchDeadline(meeting, area);
      const now = deps.clock.now();
      const cases: AgencyCase[] = [];
      for (const referral of await meetingCases(repos, meeting.id)) {
        cases.push(
          await agencyCase(repos, { ...input, meetingId: meeting.id }, referral, deadline, now),
        );
        await repos.audit.record('research.case-read', 'referral', referral.id);
      }
      return {
        meetingId: meeting.id,
        meetingDate: meeting.date,
        agencyId: agency.id,
        agencyName: agency.name,
        deadline: deadline.toISOString(),
        open: meeting.status !== 'cancelled' && now.getTime() <= deadline.getTime(),
        cases,
      };
    }),
  );
}

async function agencyCase(
  repos: Repos,
  input: { meetingId: string; agencyId: string },
  referral: SentReferralRecord,
  deadline: Date,
  now: Date,
): Promise<AgencyCase> {
  const cell = await repos.research.get({ ...input, referralId: referral.id });
  const by = cell?.updatedBy ?? cell?.submittedBy ?? null;
  const name = by ? (await repos.research.personNames([by])).get(by) : undefined;
  return {
    referralId: referral.id,
    reference: referral.reference,
    subjects: subjectsOf(referral),
    status: shownStatus(cell, deadline, now),
    response: cell?.response ?? null,
    lastChange:
      cell && by ? { by: name ?? 'A former rep', at: cell.updatedAt.toISOString() } : null,
  };
}

/** Who the case is about, from the referral form: child n here is child n of the response. */
function subjectsOf(referral: SentReferralRecord): AgencyCase['subjects'] {
  const { form } = referral;
  return {
    victim: {
      name: form.victim.name,
      dateOfBirth: form.victim.dateOfBirth,
      address: address(form.victim.address),
    },
    perpetrators: form.perpetrators.map((p) => ({ name: p.name, dateOfBirth: p.dateOfBirth })),
    children: form.children.map((c) => ({ name: c.name, dateOfBirth: c.dateOfBirth })),
  };
}
