/**
 * "Refer a case" through the real HTTP pipeline and the Agents SDK: a message starts the flow, and
 * each card's Action.Execute comes back as an `adaptiveCard/action` invoke, as Teams and the
 * Agents Playground send it. The draft lives on the server; every card is parsed with the
 * `adaptivecards` library, and no card's data ever holds what the referrer typed.
 */
import { findQuestionSet } from '#core/referrals/question-sets.js';
import { ETHNIC_GROUPS, SEXUAL_ORIENTATIONS } from '#core/contracts/equality.js';
import { REFERRAL_VERBS } from '../../../bot/src/cards/verbs.js';
import { storeLegacyWords } from '../../support/legacy-words.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { cardProblems, cardText, elements } from './card-check.js';

// The playground's mock user for Dana Whitcombe (police core rep), from .m365agentsplayground.yml.
const DANA = {
  id: 'user-dana-whitcombe',
  name: 'Dana Whitcombe',
  aadObjectId: '7d3c1b2a-0000-4000-8000-000000000004',
};
const TENANT = '7d3c1b2a-0000-4000-8000-00000000a1a1';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';

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
  actions?: { verb: string; title: string; data?: Record<string, unknown> }[];
};

describe('refer a case in the bot', () => {
  let app: TestApp;
  let n = 0;
  const seen: Card[] = [];
  const typed = new Set<string>();
  const set = findQuestionSet('safelives-24')!;
  beforeAll(async () => {
    app = await startApp();
  }, 120_000);
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
  const checked = (card: Card) => {
    expect(cardProblems(card)).toEqual([]);
    seen.push(card);
    return card;
  };
  /** Presses a card's button (by title or verb) with these inputs, as Teams sends it. */
  const press = async (card: Card, button: string, inputs: Record<string, unknown> = {}) => {
    const action = card.actions!.find((a) => a.title === button || a.verb === button)!;
    expect(action).toBeDefined();
    Object.values(inputs).forEach((v) => typeof v === 'string' && v.length > 3 && typed.add(v));
    const { status, body } = await post({
      ...base(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++n}`,
      value: {
        action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...inputs } },
        trigger: 'manual',
      },
    });
    expect(status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    return checked(body.value as Card);
  };
  const cardOf = async (text: string) => {
    const { status, body } = await message(text);
    expect(status).toBe(200);
    return checked(body.activities[0].attachments[0].content as Card);
  };
  const choicesOf = (card: Card, id: string) =>
    elements(card).find((e) => e.id === id)!.choices as { title: string; value: string }[];
  const valueOf = (card: Card, id: string) => elements(card).find((e) => e.id === id)?.value;

  function details(card: Card, overrides: Record<string, string> = {}) {
    return {
      area: choicesOf(card, 'area')[0]!.value,
      agency: choicesOf(card, 'agency').find((c) => /Police/.test(c.title))!.value,
      referrerPhone: '01632 960001',
      victimName: 'Jo Bot-Test',
      victimDob: '1990-04-01',
      victimGender: 'female',
      safeToCall: 'yes',
      disability: 'no',
      interpreterNeeded: 'no',
      perpetratorName: 'Sam Bot-Test',
      perpetratorGender: 'male',
      relationship: 'ex-partner',
      mappaLevel: 'none',
      reasons: 'Repeated threats to kill after separation.',
      incidents: '2',
      victimAware: 'yes',
      consented: 'yes',
      ...overrides,
    };
  }
  const answers: Record<string, string> = {};
  set.questions.forEach((q, i) => (answers[q.id] = i < 15 ? 'yes' : i < 20 ? 'no' : 'not-known'));
  const pageInputs = (page: number, all = answers) =>
    Object.fromEntries(
      set.questions.slice(page * 8, page * 8 + 8).map((q) => [`dash_${q.id}`, all[q.id]]),
    );
  async function throughChecklist(card: Card, all = answers): Promise<Card> {
    for (let page = 0; page < 3; page++)
      card = await press(card, 'referral.next', pageInputs(page, all));
    return card;
  }
  const mine = async () => {
    const dana = await signIn(app, 'dana.whitcombe@police.example');
    return (await (await dana('/api/referrals/mine')).json()) as {
      id: string;
      reference: string;
      status: string;
    }[];
  };

  it('answers "hello" with its help text, and "help" with a welcome card that starts a referral', async () => {
    const { body } = await message('hello');
    expect(body.activities[0].text).toMatch(/refer/);
    const welcome = await cardOf('help');
    expect(welcome.actions!.map((a) => a.title)).toEqual([
      'Refer a case',
      'My drafts',
      'My referrals',
    ]);
    const step1 = await press(welcome, 'Refer a case');
    expect(cardText(step1)).toMatch(/Step 1 of 5/);
    // Back on an untouched first step goes to the welcome and starts no draft.
    const back = await press(step1, 'Back', { area: choicesOf(step1, 'area')[0]!.value });
    expect(back.actions!.map((a) => a.title)).toContain('Refer a case');
    expect(await mine()).toEqual([]);
  });

  it('starts on "I want to refer a case" as on "refer", and refuses outside a 1:1 chat', async () => {
    expect(cardText(await cardOf('I want to refer a case'))).toMatch(/about the victim/);
    const { body } = await message('refer', 'groupChat');
    expect(body.activities[0].text).toMatch(/1:1 chat/);
    expect(body.activities[0].attachments ?? []).toEqual([]);
  });

  it('starts with nothing assumed: no answer that becomes a fact is chosen', async () => {
    const card = await cardOf('refer');
    for (const id of [
      'victimAware',
      'consented',
      'relationship',
      'mappaLevel',
      'interpreterNeeded',
      'safeToCall',
      'ethnicity',
      'sexuality',
    ]) {
      expect([id, valueOf(card, id)]).toEqual([id, undefined]);
    }
  });

  it('offers ethnicity and sexuality as the categories of the return, and keeps words written before them through an edit', async () => {
    const first = await cardOf('refer');
    // Compact choice sets of the categories, ids as values, "Not known" and "Prefers not to say" among them.
    expect(choicesOf(first, 'ethnicity')).toEqual(
      ETHNIC_GROUPS.map((g) => ({ title: g.label, value: g.id })),
    );
    expect(choicesOf(first, 'sexuality').map((c) => c.value)).toEqual(
      SEXUAL_ORIENTATIONS.map((o) => o.id),
    );
    expect(elements(first).find((e) => e.id === 'ethnicity')!.style).toBe('compact');
    await press(first, 'referral.next', details(first, { victimName: 'Lee Legacy-Test' }));
    const draft = (await mine()).find(
      (r) => (r as { victimName?: string }).victimName === 'Lee Legacy-Test',
    )!;
    // The draft as one saved before the form offered categories would hold it: free text.
    await storeLegacyWords(app.db, app.services.crypto, draft.id, {
      ethnicity: 'mixed race',
      sexuality: 'straight',
    });
    const list = await cardOf('my drafts');
    const resumed = await press(list, `Continue ${draft.reference}`);
    expect(valueOf(resumed, 'ethnicity')).toBeUndefined();
    expect(valueOf(resumed, 'sexuality')).toBeUndefined();
    expect(cardText(resumed)).toContain('Recorded as: “mixed race”');
    expect(cardText(resumed)).toContain('Recorded as: “straight”');
    // Edited and saved: a sexuality chosen, the ethnicity left; the words go nowhere.
    const card = await throughChecklist(
      await press(
        resumed,
        'referral.next',
        details(resumed, { victimName: 'Lee Legacy-Test', sexuality: 'heterosexual' }),
      ),
    );
    const review = cardText(card);
    expect(review).toContain('Sexuality: Straight or heterosexual');
    expect(review).toContain('Ethnicity: Not chosen; recorded as “mixed race”');
    expect(cardText(await press(card, 'Submit to the coordinator'))).toMatch(/Submitted/);
    const coordinator = await signIn(app, COORDINATOR);
    const stored = (await (await coordinator(`/api/referrals/${draft.id}`)).json()) as {
      form: { victim: { ethnicity?: string; sexuality?: string } };
      asWritten: unknown;
    };
    expect(stored.asWritten).toEqual({ ethnicity: 'mixed race', sexuality: 'straight' });
    expect(stored.form.victim.ethnicity).toBeUndefined();
    expect(stored.form.victim.sexuality).toBe('heterosexual');
  });

  it('refuses a bad first step in words, never cuts text, and keeps what was typed as a draft', async () => {
    const card = await cardOf('refer');
    const future = `${new Date().getUTCFullYear() + 1}-01-01`;
    const long = `Jo ${'Bot-Test '.repeat(14)}`.trim();
    const again = await press(
      card,
      'referral.next',
      details(card, { victimName: long, victimDob: future, incidents: '-3' }),
    );
    const text = cardText(again);
    expect(text).toMatch(/Victim name: use 120 characters or fewer/);
    expect(text).not.toMatch(/Too (big|small)|expected|victim\.name/);
    expect(valueOf(again, 'victimName')).toBe(long);
    const fixed = await press(
      again,
      'referral.next',
      details(again, { victimDob: future, incidents: '-3' }),
    );
    expect(cardText(fixed)).toMatch(
      /Domestic abuse incidents in the last 12 months: enter a whole number/,
    );
    const future1 = await press(fixed, 'referral.next', details(fixed, { victimDob: future }));
    expect(cardText(future1)).toMatch(/Victim date of birth: is in the future/);
    expect(valueOf(future1, 'victimDob')).toBe(future);
    expect((await mine()).filter((r) => r.status === 'draft')).toHaveLength(1);
  });

  it('takes a referral through the checklist, back and review, to the record the API stores', async () => {
    const before = (await mine()).length;
    let card = await cardOf('refer');
    const inputs = details(card);
    card = await press(card, 'referral.next', inputs);
    expect(cardText(card)).toContain(set.attribution.slice(0, 40));
    // A page with a question unanswered comes back naming it.
    const partial = await press(
      card,
      'referral.next',
      Object.fromEntries(Object.entries(pageInputs(0)).slice(0, 7)),
    );
    expect(cardText(partial)).toMatch(/Question 8: choose yes, no or not known/);
    card = await press(partial, 'referral.next', pageInputs(0));
    // Back from page 2 keeps page 1's answers, and what page 2 had typed.
    const page1 = await press(card, 'Back', { [`dash_${set.questions[8]!.id}`]: 'yes' });
    expect(valueOf(page1, `dash_${set.questions[0]!.id}`)).toBe('yes');
    card = await press(page1, 'referral.next', pageInputs(0));
    expect(valueOf(card, `dash_${set.questions[8]!.id}`)).toBe('yes');
    for (let page = 1; page < 3; page++)
      card = await press(card, 'referral.next', pageInputs(page));
    const review = cardText(card);
    expect(review).toMatch(/check and send/);
    expect(review).toMatch(/Victim name: Jo Bot\\-Test/);
    expect(review).toMatch(/Score: 15/);
    expect(card.actions!.map((a) => a.title)).toEqual(
      expect.arrayContaining([
        'Submit to the coordinator',
        'Change the referral',
        'Change the risk checklist',
        'Back',
        'Cancel',
      ]),
    );
    const receipt = await press(card, 'Submit to the coordinator');
    const text = cardText(receipt);
    const reference = /Reference: (\S+)/.exec(text)![1]!;
    expect(text).toMatch(/Submitted/);
    expect(text).not.toMatch(/Jo Bot|Sam Bot/);
    // A second click on the review card sends nothing more and shows the same receipt.
    const again = await press(card, 'Submit to the coordinator');
    expect(cardText(again)).toBe(text);
    const after = await mine();
    expect(after).toHaveLength(before + 1);
    const stored = after.find((r) => r.reference === reference)!;
    expect(stored.status).toBe('submitted');

    const dana = await signIn(app, 'dana.whitcombe@police.example');
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
    const coordinator = await signIn(app, COORDINATOR);
    const fromBot = (await (await coordinator(`/api/referrals/${stored.id}`)).json()) as {
      form: unknown;
    };
    const fromApi = (await (await coordinator(`/api/referrals/${apiId}`)).json()) as {
      form: unknown;
    };
    expect(fromBot.form).toEqual(fromApi.form);

    // The coordinator sends it back with a note: "my referrals" shows the status and the note.
    await coordinator(`/api/referrals/${stored.id}/decision`, {
      method: 'POST',
      body: JSON.stringify({
        decision: 'needs-information',
        note: 'Please add the date of the last incident.',
      }),
    });
    const list = cardText(await cardOf('my referrals'));
    expect(list).toContain(reference);
    expect(list).toMatch(/Sent back for more information/);
    expect(list).toMatch(/Please add the date of the last incident/);
  });

  it('makes one draft of a double click, cancels without losing it, and resumes it from "my drafts"', async () => {
    const before = (await mine()).filter((r) => r.status === 'draft').length;
    const card = await cardOf('refer');
    const inputs = details(card, { victimName: 'Robin Resume-Test' });
    const first = await press(card, 'referral.next', inputs);
    const second = await press(card, 'referral.next', inputs);
    expect(cardText(second)).toBe(cardText(first));
    const drafts = (await mine()).filter((r) => r.status === 'draft');
    expect(drafts).toHaveLength(before + 1);

    const cancelled = await press(first, 'Cancel');
    expect(cardText(cancelled)).toMatch(/Your draft is kept/);
    expect(cardText(cancelled)).not.toMatch(/Robin/);

    const list = await cardOf('my drafts');
    const reference = /Reference: (\S+)/.exec(cardText(cancelled))![1]!;
    expect(cardText(list)).toContain(reference);
    const resumed = await press(list, `Continue ${reference}`);
    expect(valueOf(resumed, 'victimName')).toBe('Robin Resume-Test');
    expect(valueOf(resumed, 'relationship')).toBe('ex-partner');
  });

  it("asks for the children's services confirmation on review, and sends only with it", async () => {
    let card = await cardOf('refer');
    card = await press(
      card,
      'referral.next',
      details(card, {
        victimName: 'Kim Child-Test',
        children: 'Ava Child-Test; daughter; daughter',
      }),
    );
    const allYes = Object.fromEntries(set.questions.map((q) => [q.id, 'yes']));
    card = await throughChecklist(card, allYes);
    expect(elements(card).some((e) => e.id === 'childrensServicesReferralMade')).toBe(true);
    const refused = await press(card, 'Submit to the coordinator', {
      childrensServicesReferralMade: 'false',
    });
    expect(cardText(refused)).toMatch(/Children's services: /);
    const receipt = await press(refused, 'Submit to the coordinator', {
      childrensServicesReferralMade: 'true',
    });
    expect(cardText(receipt)).toMatch(/Submitted/);
    expect(cardText(receipt)).not.toMatch(/Kim|Ava/);
  });

  it('answers a card pressed outside a 1:1 chat with a refusal card, not the next step', async () => {
    const card = await cardOf('refer');
    const action = card.actions!.find((a) => a.verb === REFERRAL_VERBS.next)!;
    const { body } = await post({
      ...base('channel'),
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++n}`,
      value: {
        action: {
          type: 'Action.Execute',
          verb: action.verb,
          data: { ...action.data, ...details(card) },
        },
        trigger: 'manual',
      },
    });
    expect(cardText(body.value)).toMatch(/1:1 chat/);
    expect(cardText(body.value)).not.toMatch(/Jo Bot-Test/);
  });

  it("never puts what was typed in any card's data, at any depth", () => {
    expect(seen.length).toBeGreaterThan(20);
    const strings = (node: unknown): string[] =>
      typeof node === 'string'
        ? [node]
        : Array.isArray(node)
          ? node.flatMap(strings)
          : node && typeof node === 'object'
            ? Object.values(node).flatMap(strings)
            : [];
    for (const card of seen) {
      for (const action of elements(card).filter((e) => typeof e.verb === 'string')) {
        expect(Object.keys((action.data ?? {}) as object).sort()).toEqual(
          expect.arrayContaining(['op']),
        );
        const values = strings(action.data);
        expect(values.filter((v) => typed.has(v))).toEqual([]);
        expect(
          Object.keys(action.data as object).every((k) => ['op', 'referralId', 'step'].includes(k)),
        ).toBe(true);
      }
    }
  });
});
