import { randomUUID } from 'node:crypto';
import { setAgencyDelivery } from '#core/agendas/set-delivery.js';
import type { DeliveryMode } from '#core/contracts/api.js';
import { referralFormSchema } from '#core/contracts/referral.js';
import { acceptReferral } from '#core/referrals/decide-referral.js';
import { submitReferral } from '#core/referrals/submit-referral.js';
import type { AppCrypto } from '../../bot/src/crypto/app-crypto.js';
import type { Db } from '../../bot/src/db/db.js';
import { ensureDemoCertificates } from '../../bot/src/demo/demo-smime.js';
import { seedDemo } from '../../bot/src/demo/seed-demo.js';
import { checkRecipientCertificate } from '../../bot/src/mail/recipient-certificate.js';
import { upsertPerson } from '../../bot/src/store/sql-people.js';
import { sqlUnitOfWork } from '../../bot/src/store/unit-of-work.js';
import { referralForm } from '../../test/bot/referrals/fixtures.js';

/*
 * The benchmark's partnership, made through the app's own use cases: the demo partnership, its
 * fortnightly area grown to the agencies asked for (each with one rep, the modes in turn, the
 * S/MIME reps with demo keys under `<dataDir>/demo/smime/`), and the cases accepted onto its next
 * meeting. Every person is invented; every address is under `.example`.
 */

const MODES: readonly DeliveryMode[] = ['smime', 'password', 'purview', 'link'];
const FORENAMES = [
  'Ada',
  'Bryony',
  'Carys',
  'Delyth',
  'Esme',
  'Ffion',
  'Greer',
  'Hester',
  'Ines',
  'Juno',
];
const SURNAMES = ['Abbotsley', 'Brackwater', 'Cindergate', 'Dunmorrow', 'Elderwick', 'Fallowmere'];

export interface BenchMeeting {
  areaId: string;
  meetingId: string;
  mailbox: string;
}

export async function benchPartnership(
  db: Db,
  crypto: AppCrypto,
  input: { dataDir: string; agencies: number; cases: number; now: Date },
): Promise<BenchMeeting> {
  await seedDemo(db, crypto, () => input.now, { dataDir: input.dataDir });
  const deps = {
    uow: sqlUnitOfWork(db, crypto),
    clock: { now: () => input.now },
    ids: { newId: randomUUID },
  };
  const area = (
    await db.query<{ id: string; partnership_id: string; mailbox: string }>(
      `SELECT id, partnership_id, mailbox FROM area WHERE name = 'Northbrook and Wellfield'`,
    )
  ).rows[0]!;
  // One rep per agency: one copy each, so the copies are the agencies.
  await db.query('UPDATE area_agency SET deputy_rep_id = NULL WHERE area_id = $1', [area.id]);
  const have = Number(
    (
      await db.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM area_agency WHERE area_id = $1',
        [area.id],
      )
    ).rows[0]!.n,
  );
  const added: { id: string; email: string; mode: DeliveryMode }[] = [];
  for (let i = have; i < input.agencies; i += 1) {
    const id = randomUUID();
    const email = `marac.rep${i + 1}@agency${i + 1}.example`;
    await db.query('INSERT INTO agency (id, partnership_id, name, kind) VALUES ($1, $2, $3, $4)', [
      id,
      area.partnership_id,
      `Bench Agency ${i + 1}`,
      'other',
    ]);
    const rep = await upsertPerson(db, crypto, area.partnership_id, {
      name: `Bench Rep ${i + 1}`,
      email,
    });
    await db.query(
      'INSERT INTO area_agency (area_id, agency_id, core_rep_id) VALUES ($1, $2, $3)',
      [area.id, id, rep],
    );
    added.push({ id, email, mode: MODES[i % MODES.length]! });
  }
  const certificates = await ensureDemoCertificates(
    input.dataDir,
    added.filter((a) => a.mode === 'smime').map((a) => a.email),
    input.now,
  );
  for (const agency of added) {
    await setAgencyDelivery(
      { ...deps, checkCertificate: checkRecipientCertificate },
      {
        areaId: area.id,
        agencyId: agency.id,
        mode: agency.mode,
        certificatePem: agency.mode === 'smime' ? certificates.get(agency.email) : undefined,
      },
    );
  }
  const meetingId = await acceptBenchCases(db, crypto, {
    areaId: area.id,
    cases: input.cases,
    now: input.now,
  });
  return { areaId: area.id, meetingId, mailbox: area.mailbox };
}

/**
 * `cases` invented referrals from the area's police, submitted and accepted through the app's use
 * cases: the first onto the next meeting, the rest onto the same one, past its capacity. Half
 * have a child. The meeting's id.
 */
export async function acceptBenchCases(
  db: Db,
  crypto: AppCrypto,
  input: { areaId: string; cases: number; now: Date },
): Promise<string> {
  const deps = {
    uow: sqlUnitOfWork(db, crypto),
    clock: { now: () => input.now },
    ids: { newId: randomUUID },
  };
  let meetingId: string | undefined;
  const referrer = (
    await db.query<{ agency_id: string; core_rep_id: string }>(
      `SELECT aa.agency_id, aa.core_rep_id FROM area_agency aa JOIN agency g ON g.id = aa.agency_id
        WHERE aa.area_id = $1 AND g.name = 'Riverside Police'`,
      [input.areaId],
    )
  ).rows[0]!;
  for (let i = 0; i < input.cases; i += 1) {
    const base = referralForm({ areaId: input.areaId, referrerAgencyId: referrer.agency_id });
    const name = `${FORENAMES[i % FORENAMES.length]} ${SURNAMES[Math.floor(i / FORENAMES.length) % SURNAMES.length]}${i}`;
    const form = referralFormSchema.parse({
      ...base,
      victim: { ...base.victim, name, dateOfBirth: `19${70 + (i % 25)}-0${(i % 9) + 1}-1${i % 9}` },
      children:
        i % 2 === 0
          ? [
              {
                name: `Wren ${name.split(' ')[1]}`,
                dateOfBirth: '2018-05-0' + ((i % 9) + 1),
                relationshipToVictim: 'daughter',
                relationshipToPerpetrator: 'daughter',
                school: 'Northbrook Primary',
                livesInHousehold: true,
              },
            ]
          : [],
      childrensServicesReferralMade: i % 2 === 0 ? true : null,
    });
    const { referral } = await submitReferral(deps, {
      referrerPersonId: referrer.core_rep_id,
      form,
      submit: true,
    });
    // The first goes to the next meeting in time; the rest join it, past its capacity.
    const accepted = await acceptReferral(deps, {
      referralId: referral.id,
      meetingId,
      confirmOverCapacity: true,
    });
    if (accepted.kind !== 'accepted') throw new Error('a bench case was not accepted');
    meetingId = accepted.meeting.id;
  }
  return meetingId!;
}

/**
 * The area grown to `agencies` agencies (the demo's own count towards it), each added one with a
 * core rep and a deputy, `marac.core<n>@agency<n>.example` and `marac.deputy<n>@agency<n>.example`
 * (copies by link, the default). Returns the added reps' addresses, core then deputy per agency.
 */
export async function growAreaWithReps(
  db: Db,
  crypto: AppCrypto,
  area: { id: string; partnership_id: string },
  agencies: number,
): Promise<string[]> {
  const have = await db.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM area_agency WHERE area_id = $1',
    [area.id],
  );
  const emails: string[] = [];
  for (let i = Number(have.rows[0]!.n); i < agencies; i += 1) {
    const id = randomUUID();
    await db.query('INSERT INTO agency (id, partnership_id, name, kind) VALUES ($1, $2, $3, $4)', [
      id,
      area.partnership_id,
      `Bench Agency ${i + 1}`,
      'other',
    ]);
    const [core, deputy] = await Promise.all(
      ['core', 'deputy'].map((role) => {
        const email = `marac.${role}${i + 1}@agency${i + 1}.example`;
        emails.push(email);
        return upsertPerson(db, crypto, area.partnership_id, {
          name: `Bench ${role === 'core' ? 'Rep' : 'Deputy'} ${i + 1}`,
          email,
        });
      }),
    );
    await db.query(
      `INSERT INTO area_agency (area_id, agency_id, core_rep_id, deputy_rep_id)
       VALUES ($1, $2, $3, $4)`,
      [area.id, id, core, deputy],
    );
  }
  return emails;
}
