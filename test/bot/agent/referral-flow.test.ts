/**
 * "Refer a case" through the real HTTP pipeline and the Agents SDK: a message starts the flow, and
 * each card's Action.Execute comes back as an `adaptiveCard/action` invoke, as Teams and the
 * Agents Playground send it. Every card is parsed with the `adaptivecards` library.
 */
import { findQuestionSet } from '#core/referrals/question-sets.js';
import { REFERRAL_VERBS } from '../../../bot/src/cards/verbs.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { cardProblems, cardText, elements } from './card-check.js';

// The playground's mock user for Dana Whitcombe (police core rep), from .m365agentsplayground.yml.
const DANA = {
  id: 'user-dana-whitcombe',
  name: 'Dana Whitcombe',
  aadObjectId: '7d3c1b2a-0000-4000-8000-000000000004',
};
const TENANT = '7d3c1b2a-0000-4000-8000-00000000a1a1';

const base = (conversationType = 'personal') => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  from: DANA,
  recipient: { id: 'bot-1', name: 'MARAC' },
  conversation: { id: `conversation-${conversationType}`, conversationType, tenantId: TENANT },
  channelData: { tenant: { id: TENANT } },
});

type Card = Record<string, unknown> & {
  body: unknown[];
  actions?: { verb: string; data?: Record<string, unknown> }[];
};

describe('refer a case in the bot', () => {
  let app: TestApp;
  let n = 0;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.stop());

  const post = async (body: unknown) => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  const message = (text: string, conversationType = 'personal') =>
    post({
      ...base(conversationType),
      type: 'message',
      id: `m-${++n}`,
      text,
      deliveryMode: 'expectReplies',
    });
  /** Presses a card's Action.Execute with these inputs, as Teams sends it. */
  const press = async (card: Card, verb: string, inputs: Record<string, unknown>) => {
    const action = card.actions!.find((a) => a.verb === verb)!;
    expect(action).toBeDefined();
    const { status, body } = await post({
      ...base(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++n}`,
      value: {
        action: { type: 'Action.Execute', verb, data: { ...action.data, ...inputs } },
        trigger: 'manual',
      },
    });
    expect(status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const next = body.value as Card;
    expect(cardProblems(next)).toEqual([]);
    return next;
  };
  const choicesOf = (card: Card, id: string) =>
    elements(card).find((e) => e.id === id)!.choices as { title: string; value: string }[];

  async function start(): Promise<Card> {
    const { status, body } = await message('refer');
    expect(status).toBe(200);
    const card = body.activities[0].attachments[0].content as Card;
    expect(cardProblems(card)).toEqual([]);
    return card;
  }

  function details(card: Card, overrides: Record<string, string> = {}) {
    return {
      area: choicesOf(card, 'area')[0]!.value,
      agency: choicesOf(card, 'agency').find((c) => /Police/.test(c.title))!.value,
      referrerPhone: '01632 960001',
      victimName: 'Jo Bot-Test',
      victimDob: '1990-04-01',
      victimGender: 'female',
      victimPostcode: '',
      safeToCall: 'yes',
      disability: 'no',
      interpreterNeeded: 'false',
      perpetratorName: 'Sam Bot-Test',
      perpetratorGender: 'male',
      relationship: 'ex-partner',
      mappaLevel: 'none',
      children: '',
      reasons: 'Repeated threats to kill after separation.',
      incidents: '2',
      victimAware: 'yes',
      consented: 'true',
      ...overrides,
    };
  }

  it('mentions "refer" in its help text', async () => {
    const { body } = await message('hello');
    expect(body.activities[0].text).toMatch(/refer/);
  });

  it('refuses to start outside a 1:1 chat', async () => {
    const { body } = await message('refer', 'groupChat');
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0].text).toMatch(/1:1 chat/);
    expect(body.activities[0].attachments ?? []).toEqual([]);
  });

  it('refuses a bad first step, naming each field and why, and stores nothing', async () => {
    const card = await start();
    const future = `${new Date().getUTCFullYear() + 1}-01-01`;
    const again = await press(
      card,
      REFERRAL_VERBS.details,
      details(card, { victimName: '', victimDob: future, incidents: '-3' }),
    );
    const text = cardText(again);
    expect(text).toMatch(/Victim name: /);
    expect(text).toMatch(/Victim date of birth: is in the future/);
    expect(text).toMatch(/Domestic abuse incidents in the last 12 months: /);
    // The same card, filled in again with what was typed.
    expect(elements(again).find((e) => e.id === 'perpetratorName')!.value).toBe('Sam Bot-Test');
    const fetchAs = await signIn(app, 'dana.whitcombe@police.example');
    expect(await (await fetchAs('/api/referrals/mine')).json()).toEqual([]);
  });

  it("takes a referral through the checklist to a stored record equal to the API's", async () => {
    const set = findQuestionSet('safelives-24')!;
    let card = await start();
    const inputs = details(card);
    card = await press(card, REFERRAL_VERBS.details, inputs);
    expect(cardText(card)).toContain(set.attribution.slice(0, 40));
    const answers: Record<string, string> = {};
    set.questions.forEach((q, i) => (answers[q.id] = i < 15 ? 'yes' : i < 20 ? 'no' : 'not-known'));
    // A page with a question unanswered comes back naming it.
    const partial = await press(
      card,
      REFERRAL_VERBS.dash,
      Object.fromEntries(set.questions.slice(0, 7).map((q) => [`dash_${q.id}`, answers[q.id]])),
    );
    expect(cardText(partial)).toMatch(/Question 8: needs an answer/);
    for (let page = 0; page < 3; page++) {
      const onPage = set.questions.slice(page * 8, page * 8 + 8);
      card = await press(
        card,
        REFERRAL_VERBS.dash,
        Object.fromEntries(onPage.map((q) => [`dash_${q.id}`, answers[q.id]])),
      );
    }
    const confirm = cardText(card);
    expect(confirm).toMatch(/Score: 15/);
    expect(confirm).toMatch(/Risk band: high/);
    const receipt = await press(card, REFERRAL_VERBS.submit, {});
    const text = cardText(receipt);
    const reference = /Reference: (\S+)/.exec(text)![1]!;
    expect(text).toMatch(/Submitted/);
    expect(text).not.toMatch(/Jo Bot-Test/);

    const dana = await signIn(app, 'dana.whitcombe@police.example');
    const mine = (await (await dana('/api/referrals/mine')).json()) as {
      id: string;
      reference: string;
    }[];
    const stored = mine.find((r) => r.reference === reference)!;
    expect(stored).toBeDefined();
    // The same values through the tab's REST route.
    const form = {
      areaId: inputs.area,
      referrerAgencyId: inputs.agency,
      referrerPhone: inputs.referrerPhone,
      victim: {
        name: inputs.victimName,
        dateOfBirth: inputs.victimDob,
        gender: 'female',
        address: null,
        safeToCall: 'yes',
        disability: 'no',
        interpreterNeeded: false,
      },
      perpetrators: [
        {
          name: inputs.perpetratorName,
          dateOfBirth: null,
          gender: 'male',
          relationshipToVictim: 'ex-partner',
          address: null,
          mappaLevel: 'none',
        },
      ],
      reasonsForReferral: inputs.reasons,
      riskAssessment: {
        kind: 'dash',
        questionSet: 'safelives-24',
        answers,
        completedOn: new Date().toISOString().slice(0, 10),
      },
      incidentsInLast12Months: 2,
      consent: { victimAware: true, consented: true },
    };
    const viaApi = await dana('/api/referrals', {
      method: 'POST',
      body: JSON.stringify({ form, submit: true }),
    });
    expect(viaApi.status).toBe(201);
    const apiId = ((await viaApi.json()) as { id: string }).id;
    const coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
    const fromBot = (await (await coordinator(`/api/referrals/${stored.id}`)).json()) as {
      form: unknown;
    };
    const fromApi = (await (await coordinator(`/api/referrals/${apiId}`)).json()) as {
      form: unknown;
    };
    expect(fromBot.form).toEqual(fromApi.form);
  });

  it("asks for the children's services confirmation, refuses without it, and saves a draft with it", async () => {
    const set = findQuestionSet('safelives-24')!;
    let card = await start();
    card = await press(
      card,
      REFERRAL_VERBS.details,
      details(card, { victimName: 'Kim Child-Test', children: 'Ava; daughter; daughter' }),
    );
    for (let page = 0; page < 3; page++) {
      const onPage = set.questions.slice(page * 8, page * 8 + 8);
      card = await press(
        card,
        REFERRAL_VERBS.dash,
        Object.fromEntries(onPage.map((q) => [`dash_${q.id}`, 'yes'])),
      );
    }
    expect(
      elements(card).some(
        (e) => e.id === 'childrensServicesReferralMade' && e.type === 'Input.Toggle',
      ),
    ).toBe(true);
    const refused = await press(card, REFERRAL_VERBS.saveDraft, {
      childrensServicesReferralMade: 'false',
    });
    expect(cardText(refused)).toMatch(/Children's services: /);
    const receipt = await press(refused, REFERRAL_VERBS.saveDraft, {
      childrensServicesReferralMade: 'true',
    });
    expect(cardText(receipt)).toMatch(/Saved as a draft/);
    expect(cardText(receipt)).not.toMatch(/Kim Child-Test|Ava/);
  });

  it('answers a card pressed outside a 1:1 chat with a refusal card, not the next step', async () => {
    const card = await start();
    const { body } = await post({
      ...base('channel'),
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++n}`,
      value: {
        action: { type: 'Action.Execute', verb: REFERRAL_VERBS.details, data: details(card) },
        trigger: 'manual',
      },
    });
    expect(cardText(body.value)).toMatch(/1:1 chat/);
    expect(cardText(body.value)).not.toMatch(/Jo Bot-Test/);
  });
});
