import { storeLegacyWords } from '../../support/legacy-words.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from './fixtures.js';

/*
 * Ethnicity and sexuality on the referral (issue #13): the API takes only the categories of the
 * SafeLives return, refusing free text in words; words written before the form offered them
 * (stored here directly, as data from before the change) are kept through every save, and shown
 * to those who read the referral as written.
 */
const now = () => new Date('2026-12-01T09:00:00Z');
const DANA = 'dana.whitcombe@police.example'; // police core rep
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';

type Call = Awaited<ReturnType<typeof signIn>>;
interface Problem {
  error: { message: string; details: { path: string; message: string }[] };
}
interface Detail {
  form?: { victim: Record<string, unknown> };
  draft?: { victim: Record<string, unknown> };
  asWritten: { ethnicity: string | null; sexuality: string | null };
}

let app: TestApp;
let areaId: string;
let agencyId: string;
let dana: Call;
const send = (call: Call, path: string, method: 'POST' | 'PUT', body: unknown) =>
  call(path, { method, body: JSON.stringify(body) });
const formWith = (victim: Record<string, unknown>) => {
  const form = referralForm({ areaId, referrerAgencyId: agencyId });
  return { ...form, victim: { ...form.victim, ...victim } };
};
const detail = async (call: Call, id: string) =>
  (await (await call(`/api/referrals/${id}`)).json()) as Detail;

beforeAll(async () => {
  app = await startApp({ now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  areaId = (await app.db.query<{ id: string }>(`SELECT id FROM area WHERE code = 'NBW'`)).rows[0]!
    .id;
  agencyId = (
    await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE name = 'Riverside Police'`)
  ).rows[0]!.id;
  dana = await signIn(app, DANA);
}, 120_000);
afterAll(() => app.stop());

describe('the referral form takes categories, not words', () => {
  it.each([
    [
      { ethnicity: 'mixed race' },
      'body.form.victim.ethnicity',
      "Victim's ethnicity: choose one of the listed ethnic groups, or Not known.",
    ],
    [
      { ethnicity: 'White British' },
      'body.form.victim.ethnicity',
      "Victim's ethnicity: choose one of the listed ethnic groups, or Not known.",
    ],
    [
      { sexuality: 'straight' },
      'body.form.victim.sexuality',
      "Victim's sexuality: choose one of the listed sexual orientations, or Not known.",
    ],
  ])('refuses %j in words, naming the field', async (victim, path, message) => {
    for (const submit of [true, false]) {
      const response = await send(dana, '/api/referrals', 'POST', {
        form: formWith(victim),
        submit,
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as Problem;
      expect(error.details).toEqual([{ path, message }]);
      expect(error.message).toBe(message);
    }
  });

  it('takes a category id for each, or none, and gives them back', async () => {
    const made = await send(dana, '/api/referrals', 'POST', {
      form: formWith({ ethnicity: 'asian-indian', sexuality: 'prefers-not-to-say' }),
      submit: false,
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const read = await detail(dana, id);
    expect(read.draft!.victim).toMatchObject({
      ethnicity: 'asian-indian',
      sexuality: 'prefers-not-to-say',
    });
    expect(read.asWritten).toEqual({ ethnicity: null, sexuality: null });
  });
});

describe('words written before the form offered categories', () => {
  let id: string;

  beforeAll(async () => {
    const made = await send(dana, '/api/referrals', 'POST', { form: formWith({}), submit: false });
    id = ((await made.json()) as { id: string }).id;
    await storeLegacyWords(app.db, app.services.crypto, id, {
      ethnicity: 'mixed race',
      sexuality: 'White British is not a sexuality',
    });
  });

  it('are shown apart from the form, which holds no category for them', async () => {
    const read = await detail(dana, id);
    expect(read.draft!.victim.ethnicity).toBeUndefined();
    expect(read.draft!.victim.sexuality).toBeUndefined();
    expect(read.asWritten).toEqual({
      ethnicity: 'mixed race',
      sexuality: 'White British is not a sexuality',
    });
  });

  it('survive the referrer saving the form without a category, then with one, then submitting', async () => {
    // As the tab sends it: the empty choices left out, the words never sent back.
    expect(
      (await send(dana, `/api/referrals/${id}`, 'PUT', { form: formWith({}), submit: false }))
        .status,
    ).toBe(200);
    expect((await detail(dana, id)).asWritten).toEqual({
      ethnicity: 'mixed race',
      sexuality: 'White British is not a sexuality',
    });
    const chosen = formWith({ sexuality: 'other' });
    expect(
      (await send(dana, `/api/referrals/${id}`, 'PUT', { form: chosen, submit: false })).status,
    ).toBe(200);
    expect(
      (await send(dana, `/api/referrals/${id}`, 'PUT', { form: chosen, submit: true })).status,
    ).toBe(200);
    const coordinator = await signIn(app, COORDINATOR);
    const read = await detail(coordinator, id);
    expect(read.form!.victim.ethnicity).toBeUndefined();
    expect(read.form!.victim.sexuality).toBe('other');
    // The sexuality's words stay as first written; the ethnicity's wait to be recoded.
    expect(read.asWritten).toEqual({
      ethnicity: 'mixed race',
      sexuality: 'White British is not a sexuality',
    });
    // Stored beside the form, encrypted: not in the form's own field.
    const { rows } = await app.db.query<{ case_id: string; form: string }>(
      'SELECT case_id, form FROM referral WHERE id = $1',
      [id],
    );
    expect(rows[0]!.form).not.toContain('mixed');
    const stored = JSON.parse(
      await app.services.crypto.cipher.decrypt(
        { keyOwner: `case:${rows[0]!.case_id}`, table: 'referral', column: 'form', rowId: id },
        rows[0]!.form,
        app.db,
      ),
    ) as { victim: Record<string, unknown>; asWritten: unknown };
    expect(stored.victim.ethnicity).toBeUndefined();
    expect(stored.asWritten).toEqual({
      ethnicity: 'mixed race',
      sexuality: 'White British is not a sexuality',
    });
  });

  it('that name a category exactly read as that category, the words kept as first written', async () => {
    const made = await send(dana, '/api/referrals', 'POST', { form: formWith({}), submit: false });
    const other = ((await made.json()) as { id: string }).id;
    await storeLegacyWords(app.db, app.services.crypto, other, {
      ethnicity: 'White British',
      sexuality: '',
    });
    const read = await detail(dana, other);
    expect(read.draft!.victim.ethnicity).toBe('white-british');
    expect(read.draft!.victim.sexuality).toBeUndefined();
    expect(read.asWritten).toEqual({ ethnicity: 'White British', sexuality: null });
  });
});
