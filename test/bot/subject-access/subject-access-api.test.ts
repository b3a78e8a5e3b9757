import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CASES_HEADER,
  ITEMS_HEADER,
  type SubjectCandidatesView,
} from '#core/contracts/subject-access-api.js';
import {
  errorOf,
  json,
  meetingUnderWay,
  post,
  put,
  SECRET,
  type MeetingFixture,
} from '../meeting-run/record-fixture.js';
import {
  AMELIA,
  OLDER_NOTE,
  SUBJECT_REFS,
  subjectAccessCases,
  UNRELATED,
} from './subject-fixture.js';

/*
 * Subject access (issue #13, item 4), through the REST API on the real server: the victim of the
 * record fixture (Amelia Hart-Lowe, three referrals of one case heard at a meeting with research,
 * notes, actions, an action plan and minutes) has a second, older case; a record that matches only
 * in part waits for the coordinator's decision; an unrelated case never appears. The PDF is read
 * by poppler as a reviewer's viewer would. Every name here is invented.
 */

let f: MeetingFixture;
let route: string;
let cases: { heard: string; older: string; partial: string; unrelated: string };
let refs: { heard: string[]; older: string; partial: string; unrelated: string };
let childrensName: string;

const NOTES = {
  facts: 'Two callouts in November',
  opinion: 'The chair thinks the risk is rising',
  riskSummary: 'Serious harm likely within weeks',
};

const pdfText = (pdf: Buffer, ...options: string[]) => {
  const file = path.join(f.app.dataDir, `sar-${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...options, file, '-'], { encoding: 'utf8' });
};
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Asks as the coordinator: the PDF's text (and bytes), or the JSON answer. */
async function ask(body: unknown, who: 'coordinator' = 'coordinator') {
  const answer = await f.as[who](route, post(body));
  const type = answer.headers.get('content-type') ?? '';
  if (answer.status === 200 && type.startsWith('application/pdf')) {
    const bytes = Buffer.from(await answer.arrayBuffer());
    return { status: 200, pdf: bytes, text: flat(pdfText(bytes)), json: null, answer };
  }
  return {
    status: answer.status,
    pdf: null,
    text: '',
    json: (await answer.json()) as unknown,
    answer,
  };
}

const caseOf = async (referralId: string) =>
  (
    await f.app.db.query<{ case_id: string; reference: string }>(
      'SELECT case_id, reference FROM referral WHERE id = $1',
      [referralId],
    )
  ).rows[0]!;

beforeAll(async () => {
  f = await meetingUnderWay();
  route = `/api/areas/${f.areaId}/subject-access`;
  childrensName = (
    await f.app.db.query<{ name: string }>('SELECT name FROM agency WHERE id = $1', [f.childrens])
  ).rows[0]!.name;
  const run = `/api/meetings/${f.meetingId}/run`;
  const action = (ownerAgencyId: string, what: string, ownerPerson: string | null) =>
    json(
      f.as.chair(
        `${run}/cases/${f.withChildren}/actions`,
        post(
          {
            ownerAgencyId,
            ownerPerson,
            what,
            dueDate: f.day(3),
            dueTime: '10:00',
            risk: 'Further assault at the home address',
            urgent: null,
          },
          randomUUID(),
        ),
      ),
    );
  await action(f.police, 'Flag the address for an urgent response', 'PC Hollis Brandreth');
  await action(f.childrens, 'Visit the children at school this week', null);
  await json(f.as.chair(`${run}/current`, put({ referralId: f.withChildren })));
  await json(f.as.chair(`${run}/cases/${f.withChildren}/notes`, put({ ...NOTES, version: 0 })));
  await json(f.as.chair(`${run}/current`, put({ referralId: null })));
  await f.app.db.query(`UPDATE meeting_case SET state = 'heard' WHERE meeting_id = $1`, [
    f.meetingId,
  ]);
  await json(f.as.chair(`${run}/close`, post({})));

  const heard = await caseOf(f.withChildren);
  const heardRefs = await f.app.db.query<{ reference: string }>(
    'SELECT reference FROM referral WHERE case_id = $1 ORDER BY reference',
    [heard.case_id],
  );
  const { older, partial, unrelated } = await subjectAccessCases(f);
  cases = { heard: heard.case_id, older, partial, unrelated };
  refs = { heard: heardRefs.rows.map((r) => r.reference), ...SUBJECT_REFS };
}, 180_000);
afterAll(() => f.app.stop());

describe('finding the person', () => {
  it('answers the candidates first, with what agreed, and produces nothing', async () => {
    const produced = await f.app.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'subject-access.produced'`,
    );
    const { status, json: view } = await ask({ person: AMELIA });
    expect(status).toBe(200);
    const answer = view as SubjectCandidatesView;
    expect(answer.outcome).toBe('candidates');
    expect(answer.message).toMatch(/^Some records may be this person/);
    expect(answer.found.map((c) => c.caseId).sort()).toEqual([cases.heard, cases.older].sort());
    expect(answer.candidates).toHaveLength(1);
    const [candidate] = answer.candidates;
    expect(candidate).toMatchObject({
      caseId: cases.partial,
      areaName: 'Northbrook and Wellfield',
    });
    expect(candidate!.referrals[0]).toMatchObject({
      reference: refs.partial,
      victim: { name: AMELIA.name, dateOfBirth: '1990-03-04', postcode: AMELIA.postcode },
      agreement: { name: 'same', dateOfBirth: 'similar', postcode: 'same' },
    });
    expect(JSON.stringify(answer)).not.toContain(UNRELATED.name);
    expect(
      (await f.app.db.query(`SELECT 1 FROM audit_log WHERE action = 'subject-access.produced'`))
        .rows,
    ).toHaveLength(produced.rows.length);
  });
});

describe('the PDF', () => {
  let text: string;
  let pdf: Buffer;
  let answer: Response;

  beforeAll(async () => {
    const asked = await ask({
      person: AMELIA,
      decisions: [{ caseId: cases.partial, include: false }],
    });
    expect(asked.status).toBe(200);
    text = asked.text;
    pdf = asked.pdf!;
    answer = asked.answer;
  });

  it('comes as a tagged PDF to save, never to cache, with the marking and page numbers', () => {
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="subject-access-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    expect(answer.headers.get('cache-control')).toBe('no-store');
    // What it lists, counted for the tab (never a name).
    expect(answer.headers.get(CASES_HEADER)).toBe('2');
    expect(Number(answer.headers.get(ITEMS_HEADER))).toBeGreaterThan(10);
    const file = path.join(f.app.dataDir, `sar-info-${randomUUID()}.pdf`);
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(flat(page)).toContain('OFFICIAL-SENSITIVE');
      expect(flat(page)).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('says on its first page what it is, when, by whom, and to review third parties first', () => {
    const first = flat(pdfText(pdf).split('\f')[0]!);
    expect(first).toContain('Subject access: everything held about one person');
    expect(first).toContain('Rosalind Marsh (MARAC coordinator)');
    expect(first).toMatch(/Produced \w+day \d{1,2} \w+ \d{4} at \d\d:\d\d/);
    expect(first).toContain('This is not a copy to disclose');
    expect(first).toContain('Third-party information: review before disclosure');
    expect(first).toContain('One possible match was ruled out by the coordinator');
    expect(first).toMatch(/Cases found 2/);
  });

  it('lists every referral of both cases, each with the agency that provided it', () => {
    for (const reference of [...refs.heard, refs.older])
      expect(text).toContain(`Referral ${reference}: provided by Riverside Police`);
    expect(refs.heard.length).toBeGreaterThanOrEqual(2); // the repeat joined the heard case
    expect(text).toContain(AMELIA.name);
    expect(text).toContain(OLDER_NOTE);
    expect(text).toMatch(
      /Coordinator's note on referral NBW-2025-0901: provided by Northbrook and Wellfield MARAC \(coordinator\)/,
    );
  });

  it('holds the research, notes, risks, actions, agenda, minutes, plan and deliveries, by provider', () => {
    expect(text).toMatch(/Research on \S+ for the meeting of .+?: provided by Riverside Police/);
    expect(text).toContain(SECRET);
    expect(text).toContain('Professional opinion (opinion, not fact)');
    expect(text).toMatch(
      /Notes of the meeting of .+?: provided by Northbrook and Wellfield MARAC \(the meeting's record\)/,
    );
    for (const words of Object.values(NOTES)) expect(text).toContain(words);
    expect(text).toMatch(
      /Action on \S+ agreed at the meeting of .+?: provided by Riverside Police/,
    );
    expect(text).toContain(`: provided by ${childrensName}`);
    expect(text).toContain('Visit the children at school this week');
    expect(text).toMatch(
      /Version 1 of the agenda of the meeting of .+?: provided by Northbrook and Wellfield MARAC \(coordinator\)/,
    );
    expect(text).toMatch(/Who received version 1 of the agenda/);
    // Both referrals heard at the meeting are lines of the agenda: both are listed.
    expect(text).toContain(`Case on the agenda ${refs.heard[0]}`);
    expect(text).toContain(`Case on the agenda ${refs.heard[1]}`);
    expect(text).toMatch(/The minutes of the meeting of .+? \(draft\): provided by/);
    expect(text).toMatch(/The action plan of the meeting of .+?: provided by/);
    expect(text).toContain('moved from the meeting of');
    expect(text).toContain('Room booked');
    expect(text).toMatch(
      /Who viewed or changed this case: provided by Northbrook and Wellfield MARAC \(the app's audit log\)/,
    );
    expect(text).toMatch(/Dana Whitcombe \(Riverside Police\): research\.submit/);
  });

  it('marks what is about other people rather than leaving it out', () => {
    expect(text).toContain('Dorian Threlkeld');
    expect(text).toMatch(
      /Dorian Threlkeld.{0,300}Third-party information: review before disclosure/,
    );
    expect(text).toMatch(
      /Wren Calloway Ash.{0,300}Third-party information: review before disclosure/,
    );
    expect(text).toMatch(
      /PC Hollis Brandreth.{0,120}Third-party information: review before disclosure/,
    );
    expect(text).toMatch(/Two callouts in November.{0,80}May contain third-party information/);
  });

  it('holds nothing of an unrelated case, nor of the candidate ruled out', () => {
    expect(text).not.toContain(UNRELATED.name);
    expect(text).not.toContain('Quincewood');
    expect(text).not.toContain(refs.unrelated);
    expect(text).not.toContain(refs.partial);
  });
});

describe('confirming a candidate, and asking by reference', () => {
  it('includes a candidate the coordinator confirms, saying so', async () => {
    const { text } = await ask({
      person: AMELIA,
      decisions: [{ caseId: cases.partial, include: true }],
    });
    expect(text).toContain(`Referral ${refs.partial}: provided by Riverside Police`);
    expect(text).toContain('A possible match the coordinator confirmed');
    expect(text).toMatch(/Cases found 3/);
  });

  it('finds the same cases from one of their references', async () => {
    const first = await ask({ reference: refs.older.toLowerCase() });
    expect(first.json).toMatchObject({ outcome: 'candidates' });
    const { text } = await ask({
      reference: refs.older,
      decisions: [{ caseId: cases.partial, include: false }],
    });
    expect(text).toContain(`Person: Case reference ${refs.older}`);
    for (const reference of [...refs.heard, refs.older])
      expect(text).toContain(`Referral ${reference}`);
    expect(text).not.toContain(UNRELATED.name);
  });

  it('records the search when nothing is held about the person, and says so in its headers', async () => {
    const { pdf, answer } = await ask({
      person: { name: 'Perpetua Ollerenshaw', dateOfBirth: '1979-08-14' },
    });
    expect(answer.headers.get(CASES_HEADER)).toBe('0');
    expect(answer.headers.get(ITEMS_HEADER)).toBe('0');
    const text = flat(pdfText(pdf!));
    expect(text).toContain('No record of this person was found.');
    expect(text).toMatch(/Cases found 0/);
  });
});

describe('who may ask, and how', () => {
  it.each(['chair', 'police', 'idva', 'admin'] as const)('refuses the %s (403)', async (who) => {
    const refused = await errorOf(f.as[who](route, post({ person: AMELIA })));
    expect(refused).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  // The route matrix asks as the coordinator of another area; here, an area that is no one's.
  it('tells the coordinator nothing of an area they hold no role in (404)', async () => {
    const refused = await errorOf(
      f.as.coordinator(`/api/areas/${randomUUID()}/subject-access`, post({ person: AMELIA })),
    );
    expect(refused).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it.each([
    [{ person: { name: AMELIA.name } }, 'body.person.dateOfBirth', /^The person's date of birth: /],
    [
      { person: { ...AMELIA, dateOfBirth: '1990-02-30' } },
      'body.person.dateOfBirth',
      /date of birth/,
    ],
    [
      { person: { ...AMELIA, postcode: 'nowhere' } },
      'body.person.postcode',
      /^The person's postcode: use a UK postcode/,
    ],
    [{}, 'body.person', /^The person asking: give the person/],
    [
      { person: AMELIA, reference: refs?.older ?? 'NBW-2025-0901' },
      'body.reference',
      /^Case reference: remove/,
    ],
    [{ reference: 'not a reference' }, 'body.reference', /^Case reference: use a case reference/],
    [{ reference: 'NBW-2024-9999' }, 'body.reference', /^Case reference: check it/],
    [
      { person: AMELIA, decisions: [{ caseId: 'x', include: true }] },
      'body.decisions.0.caseId',
      /^Case of decision 1: /,
    ],
    [{ person: AMELIA, nickname: 'Millie' }, 'body', /remove the field "nickname"/],
  ])('refuses %j with a 400 naming the field', async (body, field, words) => {
    const refused = await errorOf(f.as.coordinator(route, post(body)));
    expect(refused).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(refused.fields).toContain(field);
    expect(refused.message).toMatch(words);
  });
});

describe('the audit', () => {
  it('records the production by area and case ids, each referral read, and never a name', async () => {
    const produced = await f.app.db.query<{ correlation_id: string }>(
      `SELECT correlation_id FROM audit_log
        WHERE action = 'subject-access.produced' AND record_type = 'area' ORDER BY id LIMIT 1`,
    );
    const correlation = produced.rows[0]!.correlation_id;
    const entries = await f.app.db.query<Record<string, unknown>>(
      `SELECT at, actor_id, action, record_type, record_id, outcome, correlation_id
         FROM audit_log WHERE correlation_id = $1 ORDER BY id`,
      [correlation],
    );
    const rows = entries.rows.map((r) => [r.action, r.record_type, r.record_id]);
    expect(rows).toContainEqual(['subject-access.produced', 'area', f.areaId]);
    expect(rows).toContainEqual(['subject-access.produced', 'case', cases.heard]);
    expect(rows).toContainEqual(['subject-access.produced', 'case', cases.older]);
    expect(rows).not.toContainEqual(['subject-access.produced', 'case', cases.partial]);
    expect(rows.filter((r) => r[0] === 'referral.read')).toHaveLength(refs.heard.length + 1);
    expect(entries.rows.every((r) => r.actor_id === f.personIds.coordinator)).toBe(true);
    const all = JSON.stringify(
      (await f.app.db.query('SELECT * FROM audit_log')).rows,
    ).toLowerCase();
    for (const word of ['amelia', 'hart-lowe', 'nb4 7qx', '1990-04-03', 'threlkeld'])
      expect(all).not.toContain(word);
  });

  it('records the candidates shown to the coordinator as reads of those referrals', async () => {
    const shown = await f.app.db.query<{ record_id: string }>(
      `SELECT DISTINCT record_id FROM audit_log WHERE action = 'subject-access.candidate-shown'`,
    );
    const partialReferral = await f.app.db.query<{ id: string }>(
      'SELECT id FROM referral WHERE case_id = $1',
      [cases.partial],
    );
    expect(shown.rows.map((r) => r.record_id)).toEqual([partialReferral.rows[0]!.id]);
  });
});
