import type { Role } from '../contracts/api.js';
import type { CaseResearch, ResearchMatrix } from '../contracts/research-api.js';
import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { meetingCaseRefs } from './meeting-cases.js';
import { meetingResearchIn, type ResearchCellView } from './read-meeting-research.js';
import type { ResearchDeps } from './research-deps.js';

interface Reading {
  meetingId: string;
  personId: string;
  roles: readonly Role[];
}

/** "Submitted by" in words: the rep's name, never their id. */
async function namesOf(repos: Repos, cells: readonly ResearchCellView[]) {
  const ids = cells.flatMap((c) => (c.submittedBy ? [c.submittedBy] : []));
  const names = await repos.research.personNames(ids);
  return (id: string | null) => (id === null ? null : (names.get(id) ?? 'A former rep'));
}

/**
 * The coordinator's matrix of a meeting's research: cases (references only, agenda order) by
 * the agencies on its list, each cell's status and who submitted it, as this reader may see it
 * (`readMeetingResearch` leaves out cells they may not see). No agency's words are in it, so
 * nothing is decrypted and no read of research is audited here.
 */
export async function readResearchMatrix(
  deps: ResearchDeps,
  input: Reading,
): Promise<ResearchMatrix> {
  return deps.uow.run(async (repos) => {
    const view = await meetingResearchIn(repos, deps.clock.now(), { ...input, text: false });
    const { meeting, area } = view;
    const agencies = new Map((await repos.areas.agencies(area.id)).map((a) => [a.id, a.name]));
    const onList = (await repos.agendas.members(meeting.id, area.id)).agencyIds;
    const absent = await repos.research.coreRepsAbsent(meeting.id);
    const nameOf = await namesOf(repos, view.cells);
    return {
      meetingId: meeting.id,
      meetingDate: meeting.date,
      deadline: view.deadline.toISOString(),
      sharing: view.sharing,
      cases: (await meetingCaseRefs(repos, meeting.id)).map((c) => ({
        referralId: c.id,
        reference: c.reference,
      })),
      agencies: onList.map((agencyId) => ({
        agencyId,
        name: agencies.get(agencyId) ?? 'An agency no longer in this area',
        coreRepAbsent: absent.has(agencyId),
      })),
      cells: view.cells.map((c) => ({
        referralId: c.referralId,
        agencyId: c.agencyId,
        status: c.status,
        submittedBy: nameOf(c.submittedBy),
        submittedAt: c.submittedAt?.toISOString() ?? null,
      })),
      mayChase: view.reader.roles.includes('coordinator'),
    };
  });
}

/**
 * Each agency's research on one case of the meeting, with the words only where the read rules
 * give this reader them (`researchAccess`); every response read is audited by its id. A case
 * that is not on the meeting is not found.
 */
export async function readCaseResearch(
  deps: ResearchDeps,
  input: Reading & { referralId: string },
): Promise<CaseResearch> {
  return deps.uow.run(async (repos) => {
    const view = await meetingResearchIn(repos, deps.clock.now(), input);
    const referral = await repos.referrals.get(input.referralId);
    if (!referral || referral.status !== 'accepted' || referral.meetingId !== view.meetingId) {
      throw new DomainError('NOT_FOUND', 'This case is not on this meeting\u2019s agenda.');
    }
    const agencies = new Map((await repos.areas.agencies(view.area.id)).map((a) => [a.id, a.name]));
    const nameOf = await namesOf(repos, view.cells);
    return {
      meetingId: view.meetingId,
      referralId: referral.id,
      reference: referral.reference,
      sharing: view.sharing,
      responses: view.cells.map((c) => ({
        agencyId: c.agencyId,
        agencyName: agencies.get(c.agencyId) ?? 'An agency no longer in this area',
        status: c.status,
        submittedBy: nameOf(c.submittedBy),
        submittedAt: c.submittedAt?.toISOString() ?? null,
        ...(c.response !== undefined ? { response: c.response } : {}),
      })),
    };
  });
}
