import { randomUUID } from 'node:crypto';
import { referralFormSchema, type ReferralFormInput } from '#core/contracts/referral.js';
import type { MeetingFixture } from '../meeting-run/record-fixture.js';
import { referralForm } from '../referrals/fixtures.js';

/*
 * The records a subject access request finds around the victim of the record fixture (Amelia
 * Hart-Lowe, whose referrals on the fixture's meeting are one case): an older case of hers,
 * declined (an exact match); a record with the day and month of her birth swapped (the duplicate
 * check's "possible": a candidate the coordinator decides); and another person's case, which
 * must never appear. Shared by the API's tests and the tab's. Every name here is invented.
 */

export const AMELIA = { name: 'Amelia Hart-Lowe', dateOfBirth: '1990-04-03', postcode: 'NB4 7QX' };
export const UNRELATED = {
  name: 'Marisol Penhaligon',
  reasons: 'Quincewood threats at the allotment',
};
export const OLDER_NOTE = 'Declined in 2025: below the threshold then';

export const SUBJECT_REFS = {
  older: 'NBW-2025-0901',
  partial: 'NBW-2025-0902',
  unrelated: 'NBW-2026-0903',
} as const;

/** A referral written straight into the store with a case of its own (an older one, say). */
export async function storedReferral(
  f: MeetingFixture,
  input: {
    victim: Partial<ReferralFormInput['victim']>;
    reference: string;
    referredOn: string;
    status: 'declined' | 'submitted';
    decisionNote?: string;
    reasons?: string;
  },
): Promise<string> {
  const caseId = randomUUID();
  const id = randomUUID();
  const base = referralForm({ areaId: f.areaId, referrerAgencyId: f.police });
  const form = referralFormSchema.parse({
    ...base,
    victim: { ...base.victim, ...input.victim },
    ...(input.reasons ? { reasonsForReferral: input.reasons } : {}),
  });
  const { partnership_id: partnershipId } = (
    await f.app.db.query<{ partnership_id: string }>(
      'SELECT partnership_id FROM area WHERE id = $1',
      [f.areaId],
    )
  ).rows[0]!;
  const at = new Date(`${input.referredOn}T10:00:00Z`);
  await f.store(async (repos) => {
    await repos.referrals.newCase({
      id: caseId,
      partnershipId,
      areaId: f.areaId,
      referredOn: input.referredOn,
      repeatOf: null,
    });
    await repos.referrals.insert({
      id,
      reference: input.reference,
      caseId,
      areaId: f.areaId,
      partnershipId,
      referrerPersonId: f.personIds.police,
      referrerAgencyId: f.police,
      status: input.status,
      form,
      questionSet: 'safelives-24',
      score: 15,
      band: 'high',
      criteria: ['visible-high-risk'],
      isRepeat: false,
      mappaLead: false,
      childrenCount: 0,
      meetingId: null,
      referredOn: input.referredOn,
      submittedAt: at,
      decidedAt: input.status === 'declined' ? at : null,
      decisionNote: input.decisionNote ?? null,
    });
  });
  return caseId;
}

/** The older case, the candidate and the unrelated case, stored; their case ids. */
export async function subjectAccessCases(
  f: MeetingFixture,
): Promise<{ older: string; partial: string; unrelated: string }> {
  // Before the 12-month window of the fixture's referrals: a case of its own, declined.
  const older = await storedReferral(f, {
    victim: { address: { line1: '2 Old Mill Lane', town: 'Northbrook', postcode: 'NB4 7QX' } },
    reference: SUBJECT_REFS.older,
    referredOn: '2025-05-12',
    status: 'declined',
    decisionNote: OLDER_NOTE,
  });
  // The day and month swapped: the duplicate check's "possible", never included unasked.
  const partial = await storedReferral(f, {
    victim: { dateOfBirth: '1990-03-04' },
    reference: SUBJECT_REFS.partial,
    referredOn: '2025-06-02',
    status: 'submitted',
  });
  const unrelated = await storedReferral(f, {
    victim: {
      name: UNRELATED.name,
      dateOfBirth: '1984-11-21',
      address: { line1: '9 Ferry Road', town: 'Wellfield', postcode: 'WF2 3LD' },
    },
    reasons: UNRELATED.reasons,
    reference: SUBJECT_REFS.unrelated,
    referredOn: '2026-11-20',
    status: 'submitted',
  });
  return { older, partial, unrelated };
}
