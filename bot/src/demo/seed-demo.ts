import { randomUUID } from 'node:crypto';
import { londonDateOf } from '#core/calendar/london-time.js';
import { referralFormSchema } from '#core/contracts/referral.js';
import { acceptReferral, decideReferral } from '#core/referrals/decide-referral.js';
import type { ReferralDeps } from '#core/referrals/referral-deps.js';
import { submitReferral } from '#core/referrals/submit-referral.js';
import { londonToday } from '#core/scheduling/area-calendar.js';
import { createSeries } from '#core/scheduling/create-series.js';
import { setAgencyDelivery } from '#core/agendas/set-delivery.js';
import { addLateCase } from '#core/agendas/agenda-edits.js';
import { publishAgenda } from '#core/agendas/publish-agenda.js';
import { addExtraMeeting } from '#core/scheduling/add-extra-meeting.js';
import { isDomainError } from '#core/shared/errors.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import { checkRecipientCertificate } from '../mail/recipient-certificate.js';
import type { Db } from '../db/db.js';
import { findPersonIdByEmail, upsertPerson } from '../store/sql-people.js';
import { sqlUnitOfWork } from '../store/unit-of-work.js';
import { demoAgencies, demoAreas, demoPartnership, demoStaff } from './demo-data.js';
import {
  demoForm,
  demoMeetingTodayReferrals,
  demoReferrals,
  type DemoReferral,
} from './demo-referrals.js';
import { ensureDemoCertificates } from './demo-smime.js';

/**
 * Loads the demo partnership once, and gives the fortnightly area a year of meetings from today
 * (its Outlook series goes out through the outbox like any other) and a referral in every state.
 * The monthly area is left without a series, for the coordinator to create.
 */
export async function seedDemo(
  db: Db,
  crypto: AppCrypto,
  now: () => Date = () => new Date(),
  /**
   * `referrals`: also a referral in every state (the app and the CLI say, from config).
   * `dataDir`: where the S/MIME reps' demo keys go; without it those agencies stay on `link`.
   * `meetingToday`: with the referrals, a meeting today with four cases and its agenda out, for
   * the meeting tab (nothing when today is not a working day).
   */
  options: { referrals?: boolean; dataDir?: string; meetingToday?: boolean } = {},
): Promise<boolean> {
  const seeded = await seedDemoPartnership(db, crypto);
  if (!seeded) return false;
  await seedDeliveryModes(db, crypto, now(), options.dataDir);
  const fortnightly = await db.query<{ id: string }>('SELECT id FROM area WHERE name = $1', [
    demoAreas[0]!.name,
  ]);
  const deps = { uow: sqlUnitOfWork(db, crypto), clock: { now }, ids: { newId: randomUUID } };
  await createSeries(deps, { areaId: fortnightly.rows[0]!.id, firstDate: londonDateOf(now()) });
  if (options.referrals) await seedReferrals(db, crypto, deps, fortnightly.rows[0]!.id);
  if (options.referrals && options.meetingToday) {
    await seedMeetingToday(db, crypto, deps, fortnightly.rows[0]!.id);
  }
  return true;
}

/**
 * Each demo agency's delivery mode, through the same use case (and certificate checks) as the
 * tab. The S/MIME agencies' reps get demo keys and certificates under `<data>/demo/smime/`, so a
 * newcomer can open their agenda with `openssl cms -decrypt`.
 */
async function seedDeliveryModes(db: Db, crypto: AppCrypto, now: Date, dataDir?: string) {
  const deps = {
    uow: sqlUnitOfWork(db, crypto),
    clock: { now: () => now },
    ids: { newId: randomUUID },
  };
  const certificates = dataDir
    ? await ensureDemoCertificates(
        dataDir,
        demoAgencies
          .filter((a) => a.delivery === 'smime')
          .flatMap((a) => [a.core.email, a.deputy.email]),
        now,
      )
    : null;
  const areas = await db.query<{ area_id: string; agency_id: string; name: string }>(
    'SELECT aa.area_id, aa.agency_id, g.name FROM area_agency aa JOIN agency g ON g.id = aa.agency_id',
  );
  for (const row of areas.rows) {
    const agency = demoAgencies.find((a) => a.name === row.name)!;
    if (agency.delivery === 'link' || (agency.delivery === 'smime' && !certificates)) continue;
    const certificatePem =
      agency.delivery === 'smime'
        ? [agency.core.email, agency.deputy.email].map((e) => certificates!.get(e)!).join('\n')
        : undefined;
    await setAgencyDelivery(
      { ...deps, checkCertificate: checkRecipientCertificate },
      { areaId: row.area_id, agencyId: row.agency_id, mode: agency.delivery, certificatePem },
    );
  }
}

/**
 * The demo referrals, made through the same use cases as the tab and the bot, so their
 * encryption, blind-index terms, duplicate candidates, audit entries and notices are all real:
 * accepted onto the next two meetings, one possible duplicate waiting, one sent back for more
 * information and one declined.
 */
async function seedReferrals(db: Db, crypto: AppCrypto, deps: ReferralDeps, areaId: string) {
  const today = londonToday(deps.clock.now());
  let nextMeeting: { id: string; date: string } | null = null;
  for (const story of demoReferrals) {
    const { referrerPersonId, agencyId } = await referrerOf(db, crypto, story);
    const form = referralFormSchema.parse(demoForm(story, { areaId, agencyId }, today));
    const { referral } = await submitReferral(deps, { referrerPersonId, form, submit: true });
    const outcome = story.outcome;
    if (outcome.kind === 'accept') {
      const meetingId =
        outcome.meeting === 'following' && nextMeeting
          ? await meetingAfter(deps, areaId, nextMeeting.date)
          : undefined;
      const accepted = await acceptReferral(deps, {
        referralId: referral.id,
        meetingId,
        confirmOverCapacity: true,
      });
      if (accepted.kind === 'accepted' && !nextMeeting) nextMeeting = accepted.meeting;
    } else if (outcome.kind !== 'submitted') {
      await decideReferral(deps, {
        referralId: referral.id,
        decision: outcome.kind,
        note: outcome.note,
      });
    }
  }
}

/**
 * A meeting today (the series' own when it falls today, else an extra one) with the demo's
 * meeting-day cases brought on as late cases, and its agenda published: what the meeting tab
 * runs on the day the demo is loaded. Nothing on a weekend or bank holiday.
 */
async function seedMeetingToday(db: Db, crypto: AppCrypto, deps: ReferralDeps, areaId: string) {
  const today = londonToday(deps.clock.now());
  const series = await deps.uow.run((repos) =>
    repos.meetings.listForArea(areaId, { from: today, to: today }),
  );
  let meeting = series.find((m) => m.status !== 'cancelled') ?? null;
  if (!meeting) {
    try {
      meeting = await addExtraMeeting(deps, {
        areaId,
        date: today,
        reason: 'The demo meeting held today',
      });
    } catch (error) {
      if (isDomainError(error) && error.code === 'DATE_NOT_WORKING_DAY') return;
      throw error;
    }
  }
  for (const story of demoMeetingTodayReferrals) {
    const { referrerPersonId, agencyId } = await referrerOf(db, crypto, story);
    const form = referralFormSchema.parse(demoForm(story, { areaId, agencyId }, today));
    const { referral } = await submitReferral(deps, { referrerPersonId, form, submit: true });
    await acceptReferral(deps, { referralId: referral.id, confirmOverCapacity: true });
    await addLateCase(deps, {
      meetingId: meeting.id,
      referralId: referral.id,
      reason: 'Brought to today\u2019s demo meeting',
    });
  }
  await publishAgenda(deps, { meetingId: meeting.id, publishedBy: null });
}

/** The story's agency and its core rep, who makes the referral. */
async function referrerOf(db: Db, crypto: AppCrypto, story: DemoReferral) {
  const agency = demoAgencies.find((a) => a.name === story.agency)!;
  const found = await db.query<{ id: string }>('SELECT id FROM agency WHERE name = $1', [
    agency.name,
  ]);
  return {
    agencyId: found.rows[0]!.id,
    referrerPersonId: (await findPersonIdByEmail(db, crypto, agency.core.email))!,
  };
}

async function meetingAfter(deps: ReferralDeps, areaId: string, date: string) {
  const meetings = await deps.uow.run((repos) =>
    repos.meetings.listForArea(areaId, { from: date }),
  );
  return meetings.find((m) => m.date > date && m.status !== 'cancelled')?.id;
}

/**
 * Loads the demo partnership once. Returns false (and changes nothing) when a partnership is
 * already there, so it is safe at every start and never mixes demo people into real data.
 */
async function seedDemoPartnership(db: Db, crypto: AppCrypto): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM partnership');
    if (existing.rows[0]!.n > 0) return false;
    const partnershipId = randomUUID();
    await tx.query('INSERT INTO partnership (id, name, region) VALUES ($1, $2, $3)', [
      partnershipId,
      demoPartnership.name,
      demoPartnership.region,
    ]);
    const addPerson = (p: { name: string; email: string }) =>
      upsertPerson(tx, crypto, partnershipId, p);
    const agencies: { id: string; coreId: string; deputyId: string }[] = [];
    for (const agency of demoAgencies) {
      const id = randomUUID();
      await tx.query(
        'INSERT INTO agency (id, partnership_id, name, kind) VALUES ($1, $2, $3, $4)',
        [id, partnershipId, agency.name, agency.kind],
      );
      agencies.push({
        id,
        coreId: await addPerson(agency.core),
        deputyId: await addPerson(agency.deputy),
      });
    }
    const staff: { id: string; roles: (typeof demoStaff)[number]['roles'] }[] = [];
    for (const member of demoStaff)
      staff.push({ id: await addPerson(member.person), roles: member.roles });
    for (const area of demoAreas) {
      const areaId = randomUUID();
      await tx.query(
        'INSERT INTO area (id, partnership_id, name, code, mailbox, protocol) VALUES ($1, $2, $3, $4, $5, $6)',
        [areaId, partnershipId, area.name, area.code, area.mailbox, JSON.stringify(area.protocol)],
      );
      for (const a of agencies) {
        await tx.query(
          'INSERT INTO area_agency (area_id, agency_id, core_rep_id, deputy_rep_id) VALUES ($1, $2, $3, $4)',
          [areaId, a.id, a.coreId, a.deputyId],
        );
      }
      for (const member of staff) {
        for (const role of member.roles) {
          await tx.query('INSERT INTO area_role (area_id, person_id, role) VALUES ($1, $2, $3)', [
            areaId,
            member.id,
            role,
          ]);
        }
      }
    }
    return true;
  });
}
