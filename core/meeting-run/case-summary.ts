import type { z } from 'zod';
import type { caseSummarySchema } from '../contracts/meeting-api.js';
import type { AgendaCase } from '../agendas/agenda.js';
import { casesInOrder } from '../agendas/agenda.js';
import { agendaCaseOf } from '../agendas/agenda-case.js';
import type { MeetingRecord, Repos } from '../ports/store.js';

export type CaseSummary = z.infer<typeof caseSummarySchema>;

/**
 * The referrer's summary of a case as the meeting reads it: the line of the latest published
 * agenda (what every agency researched), or, for a case that reached no published agenda, the
 * same line built from the referral now.
 */
export async function caseSummaryOf(
  repos: Repos,
  meeting: MeetingRecord,
  referralId: string,
): Promise<CaseSummary> {
  const versions = await repos.agendas.versions(meeting.id, meeting.areaId);
  const latest = versions.reduce<(typeof versions)[number] | null>(
    (found, v) => (found === null || v.version > found.version ? v : found),
    null,
  );
  const onAgenda = latest && casesInOrder(latest.agenda).find((c) => c.referralId === referralId);
  return summaryOf(onAgenda || (await builtNow(repos, meeting, referralId)));
}

async function builtNow(
  repos: Repos,
  meeting: MeetingRecord,
  referralId: string,
): Promise<AgendaCase> {
  const referral = await repos.referrals.get(referralId);
  if (!referral || referral.status === 'draft') {
    throw new Error(`Referral ${referralId} on a meeting's running order has no submitted form`);
  }
  const agencies = new Map((await repos.areas.agencies(meeting.areaId)).map((a) => [a.id, a.name]));
  const late = await repos.agendas.lateReasons(meeting.id, meeting.areaId);
  return agendaCaseOf(referral, {
    referringAgency: agencies.get(referral.referrerAgencyId) ?? 'Agency not on this area',
    lateReason: late.get(referralId) ?? null,
  });
}

const summaryOf = (c: AgendaCase): CaseSummary => ({
  victimName: c.victim.name,
  perpetratorNames: c.perpetrators.map((p) => p.name),
  children: c.children.map((child) => ({ name: child.name, dateOfBirth: child.dateOfBirth })),
  referringAgency: c.referringAgency,
  reason: c.reason,
  knownRisks: c.knownRisks,
  isRepeat: c.isRepeat,
});
