import { referralForm } from '../bot/referrals/fixtures.js';
import { signIn, type TestApp } from './start-app.js';

/*
 * A meeting ready to run, made through the API as the coordinator would: accepted cases (the
 * first with children), the agenda published. For the meeting tab's tests (API and browser).
 * Every name is invented.
 */

export const DEMO_PEOPLE = {
  coordinator: 'rosalind.marsh@riverside-partnership.example',
  chair: 'inspector.amos.kettering@police.example',
  policeCore: 'dana.whitcombe@police.example',
  policeDeputy: 'idris.penhallow@police.example',
  childrensCore: 'priya.ellingham@childrens.example',
  idva: 'lowri.blackwood@idva.example',
  observer: 'ottilie.sandberg@riverside-partnership.example',
  admin: 'tobias.fenwick@riverside-partnership.example',
} as const;

export const DEMO_AREA = 'Northbrook and Wellfield';

export interface MeetingFixture {
  areaId: string;
  meetingId: string;
  startsAt: Date;
  /** The accepted cases, by referral id, in the order they were made (the first has children). */
  referralIds: string[];
  /** The police: the agency that referred every case. */
  policeId: string;
}

const victims = [
  'Marisol Pennacott',
  'Bryony Quillan',
  'Tamsin Orrery',
  'Esme Varnell',
  'Ines Faircloth',
];

const okJson = async <T>(response: Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};

/**
 * `cases` referrals accepted onto the area's next open meeting (the first with two children,
 * the rest adults only), and that meeting's agenda published. The app's clock must be before the
 * referral deadline of a meeting (e.g. 2026-12-01T09:00:00Z with the demo series).
 */
export async function meetingWithCases(app: TestApp, cases = 4): Promise<MeetingFixture> {
  const coordinator = await signIn(app, DEMO_PEOPLE.coordinator);
  const areaId = (
    await app.db.query<{ id: string }>('SELECT id FROM area WHERE name = $1', [DEMO_AREA])
  ).rows[0]!.id;
  const policeId = (
    await app.db.query<{ id: string }>(
      `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
        WHERE aa.area_id = $1 AND g.kind = 'police'`,
      [areaId],
    )
  ).rows[0]!.id;
  const referralIds: string[] = [];
  for (let i = 0; i < cases; i += 1) {
    const base = referralForm({ areaId, referrerAgencyId: policeId });
    const children =
      i === 0
        ? ['Ash', 'Birch'].map((name, n) => ({
            name: `Wren Calloway ${name}`,
            dateOfBirth: `201${n + 5}-03-02`,
            relationshipToVictim: 'son',
            relationshipToPerpetrator: 'son',
            livesInHousehold: true,
          }))
        : [];
    const form = {
      ...base,
      victim: {
        ...base.victim,
        name: victims[i % victims.length]!,
        dateOfBirth: `198${i}-0${(i % 9) + 1}-1${i % 10}`,
      },
      children,
      childrensServicesReferralMade: i === 0 ? true : null,
    };
    const { id } = await okJson<{ id: string }>(
      coordinator('/api/referrals', {
        method: 'POST',
        body: JSON.stringify({ form, submit: true }),
      }),
    );
    await okJson(coordinator(`/api/referrals/${id}/accept`, { method: 'POST', body: '{}' }));
    referralIds.push(id);
  }
  const meeting = await app.db.query<{ meeting_id: string; starts_at: Date }>(
    `SELECT r.meeting_id, m.starts_at FROM referral r JOIN meeting m ON m.id = r.meeting_id
      WHERE r.id = $1`,
    [referralIds[0]],
  );
  const meetingId = meeting.rows[0]!.meeting_id;
  const onIt = await app.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM referral WHERE meeting_id = $1 AND id = ANY($2::uuid[])',
    [meetingId, referralIds],
  );
  if (onIt.rows[0]!.n !== cases) throw new Error('The fixture cases landed on different meetings');
  const published = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  if (published.status !== 201) throw new Error(`publish: ${published.status}`);
  return {
    areaId,
    meetingId,
    startsAt: new Date(meeting.rows[0]!.starts_at),
    referralIds,
    policeId,
  };
}
