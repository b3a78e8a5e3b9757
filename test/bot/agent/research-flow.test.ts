/**
 * The research cards' handlers through the real HTTP pipeline and the Agents SDK: each button
 * and refresh comes as an `adaptiveCard/action` invoke to /api/messages, as Teams sends it, and
 * the `Action.Submit` fallback as a message whose value names the verb. Reads check the rep and
 * give the per-user view; writes go through the research use cases once per operation id; a
 * forged card is refused, audited, and writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { researchDeadline } from '#core/research/research-deadline.js';
import { RESEARCH_VERBS } from '../../../bot/src/cards/verbs.js';
import { startApp, type TestApp } from '../../support/start-app.js';
import { cardProblems, cardText, elements } from './card-check.js';

// The playground's mock users (.m365agentsplayground.yml): Dana (police core rep) and Priya
// (children's social care core rep). Invented people, as all the demo data is.
const DANA = {
  id: 'user-dana',
  name: 'Dana Whitcombe',
  aadObjectId: '7d3c1b2a-0000-4000-8000-000000000004',
};
const PRIYA = {
  id: 'user-priya',
  name: 'Priya Ellingham',
  aadObjectId: '7d3c1b2a-0000-4000-8000-000000000005',
};
const TENANT = '7d3c1b2a-0000-4000-8000-00000000a1a1';

type Card = Record<string, unknown> & {
  body: unknown[];
  refresh?: { userIds: string[]; action: { verb: string; data: Record<string, unknown> } };
  actions?: { verb: string; title: string; data: Record<string, unknown> }[];
};

describe('research cards in the bot', () => {
  let app: TestApp;
  let now = new Date();
  let n = 0;
  const world = {
    meetingId: '',
    police: '',
    childrens: '',
    off: '',
    cases: [] as string[],
    otherMeeting: '',
    otherMeetingCase: '',
    deadline: new Date(),
  };

  beforeAll(async () => {
    app = await startApp({ env: { MARAC_DEMO_REFERRALS: 'true' }, now: () => now });
    const byMeeting = await app.db.query<{ meeting_id: string; ids: string[] }>(
      `SELECT meeting_id, array_agg(id::text ORDER BY reference) AS ids FROM referral
        WHERE status = 'accepted' GROUP BY meeting_id ORDER BY count(*) DESC`,
    );
    world.meetingId = byMeeting.rows[0]!.meeting_id;
    world.cases = byMeeting.rows[0]!.ids;
    world.otherMeeting = byMeeting.rows[1]!.meeting_id;
    world.otherMeetingCase = byMeeting.rows[1]!.ids[0]!;
    const agency = async (kind: string) =>
      (await app.db.query<{ id: string }>('SELECT id FROM agency WHERE kind = $1', [kind])).rows[0]!
        .id;
    world.police = await agency('police');
    world.childrens = await agency('childrens-social-care');
    world.off = await agency('adult-social-care');
    await app.services.uow.run(async (repos) => {
      const meeting = (await repos.meetings.get(world.meetingId))!;
      const area = (await repos.areas.get(meeting.areaId))!;
      world.deadline = researchDeadline(meeting, area);
      for (const id of [world.meetingId, world.otherMeeting])
        await repos.agendas.setMembers(id, {
          agencyIds: [world.police, world.childrens],
          chairIds: [],
          idvaIds: [],
        });
    });
    now = new Date(world.deadline.getTime() - 2 * 60 * 60 * 1000);
  }, 180_000);
  afterAll(() => app.stop());

  const post = async (body: unknown) => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  const base = (from = DANA, conversationType = 'personal') => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    from,
    recipient: { id: 'bot-1', name: 'MARAC' },
    conversation: {
      id: `conversation-${from.id}-${conversationType}`,
      conversationType,
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT } },
  });
  /** An Action.Execute (or a refresh, trigger automatic) as Teams sends it: inputs in `data`. */
  const invoke = async (
    verb: string,
    data: Record<string, unknown>,
    options: { from?: typeof DANA; trigger?: string; conversationType?: string } = {},
  ): Promise<Card> => {
    const { status, body } = await post({
      ...base(options.from, options.conversationType),
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++n}`,
      value: {
        action: { type: 'Action.Execute', verb, data },
        trigger: options.trigger ?? 'manual',
      },
    });
    expect(status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(body.value)).toEqual([]);
    return body.value as Card;
  };
  const press = (card: Card, title: string, inputs: Record<string, unknown> = {}) => {
    const action = card.actions!.find((a) => a.title === title);
    if (!action) throw new Error(`no button ${title} on ${cardText(card)}`);
    return invoke(action.verb, { ...action.data, ...inputs });
  };
  const ids = (caseId = world.cases[0]!) => ({
    meetingId: world.meetingId,
    agencyId: world.police,
    caseId,
  });
  const view = (caseId?: string, from = DANA) =>
    invoke(RESEARCH_VERBS.view, { ...ids(caseId), step: 'form' }, { from, trigger: 'automatic' });
  const researchRows = async () =>
    (
      await app.db.query(
        'SELECT id, referral_id, agency_id, status, updated_at, response FROM research ORDER BY id',
      )
    ).rows;
  const refusals = async () =>
    Number(
      (
        await app.db.query<{ n: string }>(
          'SELECT coalesce(sum(count), 0)::text AS n FROM refused_request',
        )
      ).rows[0]!.n,
    );
  const statusOf = async (caseId: string) =>
    (
      await app.db.query<{ status: string }>(
        'SELECT status FROM research WHERE meeting_id = $1 AND referral_id = $2 AND agency_id = $3',
        [world.meetingId, caseId, world.police],
      )
    ).rows[0]?.status;
  const victimOf = async (caseId: string) => {
    const card = await view(caseId);
    return /Victim: ([^,\n]+)/.exec(cardText(card))![1]!;
  };
  const valueOf = (card: Card, id: string) => elements(card).find((e) => e.id === id)?.value;

  it('shows the rep the form for the case, for them alone, and records the prompt as seen', async () => {
    const [caseId] = world.cases;
    await app.services.uow.run((repos) =>
      repos.research.recordPromptEvent(
        { meetingId: world.meetingId, referralId: caseId!, agencyId: world.police },
        'prompt-sent',
        { id: randomUUID(), at: now },
      ),
    );
    const card = await view(caseId);
    expect(card.refresh!.userIds).toEqual([DANA.id]);
    expect(card.refresh!.action.data).not.toHaveProperty('op');
    expect(cardText(card)).toMatch(/Victim: /);
    expect(card.actions!.map((a) => a.title)).toEqual([
      'Submit',
      'Save draft',
      'Nothing known',
      'Cancel',
    ]);
    expect(await statusOf(caseId!)).toBe('seen');
  });

  it('saves a draft, refuses a submission naming the missing field with what was typed kept, then submits once', async () => {
    const caseId = world.cases[0]!;
    const form = await view(caseId);
    const typed = 'Invented callout in 2025, no further contact.';
    const saved = await press(form, 'Save draft', { currentInvolvement: typed, knownToAgency: '' });
    expect(cardText(saved)).toMatch(/Draft saved/);
    expect(valueOf(saved, 'currentInvolvement')).toBe(typed);
    expect(await statusOf(caseId)).toBe('draft');

    const rows = await researchRows();
    const refused = await press(saved, 'Submit', {
      knownToAgency: '',
      currentInvolvement: typed,
      historicalInvolvement: 'None held.',
      recordsFlagged: 'no',
    });
    const text = cardText(refused);
    expect(text).toMatch(/There is a problem/);
    expect(text).toMatch(/Is this case known to your agency\?: choose yes, no or not known/);
    expect(text).not.toMatch(/knownToAgency|VALIDATION/);
    expect(valueOf(refused, 'currentInvolvement')).toBe(typed);
    expect(valueOf(refused, 'historicalInvolvement')).toBe('None held.');
    expect(await researchRows()).toEqual(rows);

    const inputs = {
      knownToAgency: 'yes',
      currentInvolvement: typed,
      historicalInvolvement: 'None held.',
      recordsFlagged: 'no',
    };
    const summary = await press(refused, 'Submit', inputs);
    expect(cardText(summary)).toMatch(/Submitted to the MARAC coordinator/);
    expect(summary.actions!.map((a) => a.title)).toEqual(['Edit']);
    expect(await statusOf(caseId)).toBe('submitted');
    const after = await researchRows();
    // The same click again (same operation id): nothing more is written.
    const again = await press(refused, 'Submit', { ...inputs, currentInvolvement: 'changed' });
    expect(cardText(again)).toMatch(/Submitted/);
    expect(await researchRows()).toEqual(after);
    // Edit gives the form with what was submitted; a submitted answer has no draft.
    const edit = await press(summary, 'Edit');
    expect(valueOf(edit, 'currentInvolvement')).toBe(typed);
    expect(edit.actions!.map((a) => a.title)).toEqual(['Submit', 'Cancel']);
  });

  it('records nothing known for one case, and for the cases chosen on the picker', async () => {
    const other = { meetingId: world.otherMeeting, agencyId: world.police };
    const one = await invoke(
      RESEARCH_VERBS.view,
      { ...other, caseId: world.otherMeetingCase, step: 'form' },
      { trigger: 'automatic' },
    );
    const recorded = await press(one, 'Nothing known');
    expect(cardText(recorded)).toMatch(/Recorded: your agency has no record of this case/);
    expect(recorded.actions!.map((a) => a.title)).toEqual(['Edit']);

    const picker = await invoke(
      RESEARCH_VERBS.prompt,
      { meetingId: world.meetingId, agencyId: world.police, step: 'prompt' },
      { trigger: 'automatic' },
    );
    expect(picker.refresh!.userIds).toEqual([DANA.id]);
    const none = await press(picker, 'Nothing known for the cases chosen', {
      caseId: '',
      caseIds: '',
    });
    expect(cardText(none)).toMatch(/Choose the cases your agency has no record of/);
    const done = await press(none, 'Nothing known for the cases chosen', {
      caseId: '',
      caseIds: world.cases.join(','),
    });
    expect(cardText(done)).toMatch(
      /Recorded nothing known for 1 case\. 1 case already started or answered stayed as they were/,
    );
    expect(await statusOf(world.cases[0]!)).toBe('submitted');
    expect(await statusOf(world.cases[1]!)).toBe('nothing-known');
    const opened = await press(done, 'Open the case', { caseId: world.cases[1], caseIds: '' });
    expect(cardText(opened)).toMatch(/Your agency has no record of this case/);
  });

  it('keeps people out of every card that stays in the chat (the Action.Submit fallback)', async () => {
    const victim = await victimOf(world.cases[0]!);
    const { status, body } = await post({
      ...base(),
      type: 'message',
      id: `m-${++n}`,
      value: { verb: RESEARCH_VERBS.view, ...ids(), step: 'prompt', op: randomUUID() },
      deliveryMode: 'expectReplies',
    });
    expect(status).toBe(200);
    const kept = body.activities[0].attachments[0].content as Card;
    expect(cardProblems(kept)).toEqual([]);
    expect(JSON.stringify(kept)).not.toContain(victim.slice(0, 8));
    expect(cardText(kept)).toMatch(/MARAC tab/);
  });

  describe('a forged or stale card is refused, audited, and writes nothing', () => {
    const save = (data: Record<string, unknown>, from = DANA) =>
      invoke(
        RESEARCH_VERBS.save,
        {
          op: randomUUID(),
          step: 'form',
          ...ids(world.cases[1]),
          currentInvolvement: 'x',
          ...data,
        },
        { from },
      );
    const cases: [string, () => Promise<Card>][] = [
      ['another agency’s case', () => save({}, PRIYA)],
      ['an agency off the meeting', () => save({ agencyId: world.off })],
      ['another meeting’s case', () => save({ caseId: world.otherMeetingCase })],
      ['an extra field in the data', () => save({ victimName: 'Invented' })],
      ['an operation id that is not a uuid', () => save({ op: 'not-a-uuid' })],
      ['a read of another agency’s research', () => view(world.cases[1], PRIYA)],
      [
        'a group chat',
        () =>
          invoke(
            RESEARCH_VERBS.view,
            { ...ids(), step: 'form' },
            { conversationType: 'groupChat' },
          ),
      ],
    ];
    it.each(cases)('%s', async (_name, attempt) => {
      const victim = await victimOf(world.cases[1]!);
      const rows = await researchRows();
      const audited = await refusals();
      const card = await attempt();
      expect(cardText(card)).toMatch(/^MARAC research/);
      expect(card).not.toHaveProperty('refresh');
      expect(card).not.toHaveProperty('actions');
      expect(JSON.stringify(card)).not.toContain(victim.slice(0, 8));
      expect(await researchRows()).toEqual(rows);
      expect(await refusals()).toBe(audited + 1);
    });

    it('a card whose deadline has passed: refused to write, closed to view', async () => {
      const rows = await researchRows();
      const audited = await refusals();
      now = new Date(world.deadline.getTime() + 60_000);
      try {
        const refused = await save({ currentInvolvement: 'Too late' });
        expect(cardText(refused)).toMatch(/research deadline was/);
        expect(refused).not.toHaveProperty('actions');
        expect(await researchRows()).toEqual(rows);
        expect(await refusals()).toBe(audited + 1);
        const closed = await view(world.cases[1]);
        expect(cardText(closed)).toMatch(/has passed/);
        expect(closed.actions ?? []).toEqual([]);
      } finally {
        now = new Date(world.deadline.getTime() - 2 * 60 * 60 * 1000);
      }
    });
  });

  it('keeps text too long to show again as a draft when a submission is refused, and says so', async () => {
    const caseId = world.cases[1]!;
    const form = await press(await view(caseId), 'Edit');
    const long = (n: number) => `Invented ${'W'.repeat(n - 9)}`;
    const inputs: Record<string, string> = {
      knownToAgency: '',
      recordsFlagged: 'no',
      currentInvolvement: long(4000),
      historicalInvolvement: long(4000),
      professionalOpinion: long(4000),
      risksIdentified: long(4000),
      informationRequested: long(2000),
      actionsOffered: long(2000),
      withheldInformation: long(2000),
      withheldReason: long(1000),
    };
    for (const input of elements(form).filter((e) => /^child\d+/.test(String(e.id))))
      inputs[String(input.id)] = long(2000);
    const card = await press(form, 'Submit', inputs);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    const text = cardText(card);
    expect(text).toMatch(/Nothing was submitted\. What you typed is too long .* saved as a draft/);
    expect(text).toMatch(/Is this case known to your agency\?: choose yes, no or not known/);
    expect(text).toMatch(/First 1,500 of 4,000 characters/);
    expect(await statusOf(caseId)).toBe('draft');
    const stored = await app.db.query('SELECT 1 FROM research WHERE referral_id = $1', [caseId]);
    expect(stored.rows).toHaveLength(1);
  });
});
