import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

// A fixed "today" keeps dates stable: Tuesday 1 December 2026.
const now = () => new Date('2026-12-01T09:00:00Z');

describe('REST API in local mode', () => {
  let app: TestApp;
  let users: { email: string; name: string; roles: { areaName: string; role: string }[] }[];
  const emailOf = (role: string) => users.find((u) => u.roles.some((r) => r.role === role))!.email;

  beforeAll(async () => {
    app = await startApp({ now });
    users = (await (await fetch(`${app.url}/api/dev/users`)).json()) as typeof users;
  });
  afterAll(() => app.stop());

  it('answers /healthz with 200 once ready', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('describes itself as valid OpenAPI 3.1 listing every route the tab uses', async () => {
    const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as never);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    const tabUses = [
      'get /api/me',
      'get /api/areas',
      'get /api/areas/{areaId}/meetings',
      'get /api/areas/{areaId}/agencies',
      'put /api/areas/{areaId}/protocol',
      'post /api/areas/{areaId}/series',
      'put /api/areas/{areaId}/agencies/{agencyId}/reps',
      'post /api/meetings/{meetingId}/move',
      'post /api/meetings/{meetingId}/cancel',
      'post /api/schedule/preview',
      'get /api/dev/users',
      'post /api/dev/sign-in',
    ];
    const listed = Object.entries(document.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(listed).toEqual(expect.arrayContaining(tabUses));
  });

  it('lists demo users with roles, and signs in only known ones', async () => {
    expect(users.length).toBeGreaterThanOrEqual(24);
    expect(users.every((u) => u.email.endsWith('.example'))).toBe(true);
    const unknown = await fetch(`${app.url}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@nowhere.example' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses requests without a valid token', async () => {
    expect((await fetch(`${app.url}/api/areas`)).status).toBe(401);
    const forged = await fetch(`${app.url}/api/areas`, {
      headers: { authorization: 'Bearer dev.eyJzdWIiOiJ4In0.AAAA' },
    });
    expect(forged.status).toBe(401);
  });

  it('lets the coordinator create a series, writes the .ics, and lists meetings with deadlines', async () => {
    const api = await signIn(app, emailOf('coordinator'));
    const areas = (await (await api('/api/areas')).json()) as {
      id: string;
      name: string;
      series: unknown;
    }[];
    const eastmere = areas.find((a) => a.name === 'Eastmere')!;
    const created = await api(`/api/areas/${eastmere.id}/series`, {
      method: 'POST',
      body: JSON.stringify({ firstDate: '2026-12-01', until: '2027-06-30' }),
    });
    expect(created.status).toBe(201);
    const area = (await created.json()) as {
      series: { calendarStatus: string; attendees: unknown[] };
    };
    expect(area.series.calendarStatus).toBe('sent');
    expect(area.series.attendees).toHaveLength(12 * 2 + 2); // core reps, deputies, chair, IDVA
    const files = readdirSync(path.join(app.dataDir, 'outbox', 'calendar'));
    expect(files.some((f) => f.startsWith('series-'))).toBe(true);

    const meetings = (await (await api(`/api/areas/${eastmere.id}/meetings`)).json()) as {
      id: string;
      date: string;
      startsAt: string;
      status: string;
      deadlines: { referralDeadline: string; minutesDue: string };
    }[];
    // Second Thursdays, 09:30: 10 Dec 2026, 14 Jan 2027 ... 10 Jun 2027.
    expect(meetings.map((m) => m.date)).toEqual([
      '2026-12-10',
      '2027-01-14',
      '2027-02-11',
      '2027-03-11',
      '2027-04-08',
      '2027-05-13',
      '2027-06-10',
    ]);
    expect(meetings[0]).toMatchObject({
      startsAt: '2026-12-10T09:30:00+00:00',
      status: 'scheduled',
      deadlines: {
        referralDeadline: '2026-12-02',
        agendaCirculation: '2026-12-03',
        minutesDue: '2026-12-24',
      },
    });
    expect(meetings[4]!.startsAt).toBe('2027-04-08T09:30:00+01:00');

    const again = await api(`/api/areas/${eastmere.id}/series`, {
      method: 'POST',
      body: JSON.stringify({ firstDate: '2026-12-01' }),
    });
    expect(again.status).toBe(409);

    const cancel = await api(`/api/meetings/${meetings[1]!.id}/cancel`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'Chair unavailable' }),
    });
    expect(cancel.status).toBe(200);
    expect(((await cancel.json()) as { status: string }).status).toBe('cancelled');
    const move = await api(`/api/meetings/${meetings[2]!.id}/move`, {
      method: 'POST',
      body: JSON.stringify({ date: '2027-02-12', startTime: '13:00', reason: 'Room clash' }),
    });
    expect(move.status).toBe(200);
    expect(await move.json()).toMatchObject({
      date: '2027-02-12',
      status: 'moved',
      movedFrom: '2027-02-11',
    });
    const written = readdirSync(path.join(app.dataDir, 'outbox', 'calendar'));
    expect(written.some((f) => f.startsWith('cancel-'))).toBe(true);
    expect(written.some((f) => f.startsWith('move-'))).toBe(true);
    // The coordinator's reasons stay in the app: no calendar file carries them.
    for (const file of written) {
      const text = readFileSync(path.join(app.dataDir, 'outbox', 'calendar', file), 'utf8');
      expect(text).not.toMatch(/Chair unavailable|Room clash/);
    }
  });

  it('refuses a move onto a bank holiday, naming it', async () => {
    const api = await signIn(app, emailOf('coordinator'));
    const areas = (await (await api('/api/areas')).json()) as { id: string; name: string }[];
    const eastmere = areas.find((a) => a.name === 'Eastmere')!;
    const meetings = (await (await api(`/api/areas/${eastmere.id}/meetings`)).json()) as {
      id: string;
      status: string;
    }[];
    const target = meetings.find((m) => m.status === 'scheduled')!;
    const response = await api(`/api/meetings/${target.id}/move`, {
      method: 'POST',
      body: JSON.stringify({ date: '2027-05-31', reason: 'test' }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /Spring bank holiday/i,
    );
  });

  it.each([
    [
      'unknown field',
      { firstDate: '2027-01-05', colour: 'red' },
      /remove the field "colour"/,
      'body',
    ],
    [
      'impossible date',
      { firstDate: '2027-02-30' },
      /^Date of the first meeting: enter a real date in the form YYYY-MM-DD/,
      'body.firstDate',
    ],
    [
      'wrong type',
      { firstDate: 20270105 },
      /^Date of the first meeting: enter a date/,
      'body.firstDate',
    ],
  ])(
    'answers 400 naming the field in words for a body with a %s',
    async (_label, body, message, path) => {
      const api = await signIn(app, emailOf('coordinator'));
      const areas = (await (await api('/api/areas')).json()) as { id: string; name: string }[];
      const response = await api(`/api/areas/${areas[1]!.id}/series`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as {
        error: {
          message: string;
          details: { path: string; message: string }[];
          correlationId?: string;
        };
      };
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/body\.|firstDate|Invalid|expected/);
      expect(error.details[0]).toEqual({ path, message: error.message });
      expect(error.correlationId).toBeUndefined(); // a reference to quote is only for a 5xx
    },
  );

  it('answers 400 for malformed JSON and a bad id, 413 for an oversize body', async () => {
    const api = await signIn(app, emailOf('coordinator'));
    expect(
      (await api('/api/schedule/preview', { method: 'POST', body: '{"cadence":' })).status,
    ).toBe(400);
    expect((await api('/api/areas/not-a-uuid/meetings')).status).toBe(400);
    const big = JSON.stringify({ reason: 'x'.repeat(200_000) });
    expect((await api('/api/schedule/preview', { method: 'POST', body: big })).status).toBe(413);
  });

  it('lets a rep read but not change, and hides areas from strangers', async () => {
    const api = await signIn(app, emailOf('rep'));
    const areas = (await (await api('/api/areas')).json()) as { id: string }[];
    expect(areas).toHaveLength(2);
    const response = await api(`/api/areas/${areas[0]!.id}/series`, {
      method: 'POST',
      body: JSON.stringify({ firstDate: '2027-01-05' }),
    });
    expect(response.status).toBe(403);
    const stranger = await api('/api/areas/00000000-0000-4000-8000-000000000000/meetings');
    expect(stranger.status).toBe(404);
  });

  it('re-issues the series to reps when a core rep changes', async () => {
    const api = await signIn(app, emailOf('coordinator'));
    const areas = (await (await api('/api/areas')).json()) as { id: string; name: string }[];
    const eastmere = areas.find((a) => a.name === 'Eastmere')!;
    const agencies = (await (await api(`/api/areas/${eastmere.id}/agencies`)).json()) as {
      id: string;
      name: string;
    }[];
    const housing = agencies.find((a) => a.name === 'Housing Options')!;
    const response = await api(`/api/areas/${eastmere.id}/agencies/${housing.id}/reps`, {
      method: 'PUT',
      body: JSON.stringify({
        coreRep: { name: 'Wilhelmina Strand', email: 'wilhelmina.strand@housing.example' },
        deputyRep: null,
      }),
    });
    expect(response.status).toBe(200);
    const files = readdirSync(path.join(app.dataDir, 'outbox', 'calendar')).filter((f) =>
      f.startsWith('series-'),
    );
    const latest = files
      .sort((a, b) => Number(a.match(/-(\d+)\.ics$/)![1]) - Number(b.match(/-(\d+)\.ics$/)![1]))
      .at(-1)!;
    const text = readFileSync(path.join(app.dataDir, 'outbox', 'calendar', latest), 'utf8').replace(
      /\r\n /g,
      '',
    );
    expect(text).toContain('wilhelmina.strand@housing.example');
    expect(text).not.toContain('harriet.nwosu@housing.example');
  });

  it('sends security headers and no-store on API answers', async () => {
    const response = await fetch(`${app.url}/api/openapi.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toMatch(
      /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('audit trail of the API', () => {
  it('records writes and denied requests by id only, and the chain verifies', async () => {
    const { verifyAuditChain } = await import('../../../bot/src/audit/verify.js');
    const { writeCheckpoint } = await import('../../../bot/src/audit/checkpoint.js');
    const app = await startApp({ now });
    try {
      const users = (await (await fetch(`${app.url}/api/dev/users`)).json()) as {
        email: string;
        roles: { role: string }[];
      }[];
      const coordinator = await signIn(
        app,
        users.find((u) => u.roles.some((r) => r.role === 'coordinator'))!.email,
      );
      const rep = await signIn(
        app,
        users.find((u) => u.roles.every((r) => r.role === 'rep'))!.email,
      );
      const areas = (await (await coordinator('/api/areas')).json()) as {
        id: string;
        name: string;
      }[];
      const eastmere = areas.find((a) => a.name === 'Eastmere')!;
      await coordinator(`/api/areas/${eastmere.id}/series`, {
        method: 'POST',
        body: JSON.stringify({ firstDate: '2026-12-01' }),
      });
      expect(
        (
          await rep(`/api/areas/${eastmere.id}/series`, {
            method: 'POST',
            body: '{"firstDate":"2026-12-02"}',
          })
        ).status,
      ).toBe(403);
      expect((await fetch(`${app.url}/api/areas`)).status).toBe(401);
      const log = await app.db.query<{
        action: string;
        record_id: string | null;
        outcome: string;
        actor_id: string | null;
      }>('SELECT action, record_id, outcome, actor_id FROM audit_log ORDER BY id');
      expect(log.rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'series.create',
            record_id: eastmere.id,
            outcome: 'ok',
          }),
          expect.objectContaining({
            action: 'api.post.areas.areaid.series',
            record_id: eastmere.id,
            outcome: 'denied',
          }),
          expect.objectContaining({ action: 'api.get.areas', outcome: 'denied', actor_id: null }),
        ]),
      );
      await writeCheckpoint(app.db, app.dataDir);
      expect(await verifyAuditChain(app.db, { dataDir: app.dataDir })).toMatchObject({
        ok: true,
        firstBadEntry: null,
      });
    } finally {
      await app.stop();
    }
  });
});
