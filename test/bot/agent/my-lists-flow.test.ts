import { readMyActions } from '#core/actions/my-actions.js';
import type { OwnedAction } from '#core/contracts/action-api.js';
import type { MeetingAction } from '#core/contracts/meeting-api.js';
import type { MyResearch } from '#core/contracts/research-api.js';
import { londonInstant } from '#core/calendar/london-time.js';
import { myResearch } from '#core/research/my-research.js';
import { deadlineInWords } from '#core/research/research-deadline.js';
import { dateInWords } from '#core/shared/date-words.js';
import { updateActionOutcome } from '#core/actions/update-action-outcome.js';
import { COMMAND_WORDS } from '../../../bot/src/agent/my-lists-flow.js';
import { START_WORDS } from '../../../bot/src/agent/referral-flow.js';
import { HELP_WORDS } from '../../../bot/src/agent/agent.js';
import { ACTION_VERBS } from '../../../bot/src/cards/action-verbs.js';
import { cardBytes } from '../../../bot/src/cards/research-fit.js';
import {
  json,
  meetingUnderWay,
  post,
  SECRET,
  type MeetingFixture,
} from '../meeting-run/record-fixture.js';
import { cardAction, postActivity, teamsMessage } from '../../support/teams-activity.js';
import { cardProblems, cardText, elements } from './card-check.js';

/*
 * "my research" and "my actions" through the bot endpoint (`expectReplies`): in the 1:1 chat each
 * is a card of what core says, dates, counts and case references only (the chat keeps it), with
 * the tab's links and, per action, the action card's own "Open"; elsewhere, or for a Teams user
 * MARAC does not know, a sentence. Every name is invented.
 */
let f: MeetingFixture;

/** The Playground's mock users (bot/src/agent/teams-person.ts), mapped in local mode. */
const DANA = { id: 'user-dana', name: 'Dana', aadObjectId: '7d3c1b2a-0000-4000-8000-000000000004' };
const FENELLA = {
  id: 'user-fenella',
  name: 'Fenella',
  aadObjectId: '7d3c1b2a-0000-4000-8000-000000000008',
};
const STRANGER = {
  id: 'user-stranger',
  name: 'Stranger',
  aadObjectId: '7d3c1b2a-0000-4000-8000-0000000000ff',
};

/** Words that must never be on a list card: the actions' words, the cases' people. */
const WHAT = 'Zanthorpe safety visit';
const RISK = 'Repeat assault at the Larkspur address';
const PEOPLE = ['Amelia', 'Hart-Lowe', 'Dorian', 'Threlkeld', 'Wren Calloway', 'Dana', SECRET];

type Card = { body: unknown[]; actions?: unknown[] } & Record<string, unknown>;
type Reply = {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Card }[];
};

async function say(
  text: string,
  from = DANA,
  conversationType: 'personal' | 'groupChat' = 'personal',
): Promise<Reply> {
  const answer = await postActivity(f.app.url, teamsMessage(text, { from, conversationType }));
  expect(answer.status).toBe(200);
  const { activities } = answer.body as { activities: Reply[] };
  expect(activities).toHaveLength(1);
  return activities[0]!;
}

/** The reply's card, checked by the renderer's parser and kept under Teams' ~28 KB. */
async function cardOf(text: string, from = DANA): Promise<Card> {
  const reply = await say(text, from);
  expect(reply.text ?? '').not.toMatch(/MARAC assistant/);
  expect(reply.attachments).toHaveLength(1);
  const card = reply.attachments![0]!.content;
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card as never)).toBeLessThan(27 * 1024);
  return card;
}

const links = (card: Card) =>
  elements(card)
    .filter((e) => e.type === 'Action.OpenUrl')
    .map((e) => ({ title: e.title, url: e.url }));
const opens = (card: Card) =>
  elements(card).filter((e) => e.type === 'Action.Execute') as {
    title: string;
    verb: string;
    data: { actionId: string; op: string };
  }[];
const audits = async (action: string, actorId: string) =>
  (
    await f.app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND actor_id = $2',
      [action, actorId],
    )
  ).rows[0]!.n;
const references = async () =>
  (await f.app.db.query<{ reference: string }>('SELECT reference FROM referral')).rows.map(
    (r) => r.reference,
  );
const deps = () => ({
  uow: f.app.services.uow,
  clock: f.app.services.clock,
  ids: f.app.services.ids,
});
const publicUrl = () => f.app.services.config.publicUrl;

function expectNothingPersonal(card: Card) {
  const all = JSON.stringify(card);
  for (const secret of [WHAT, RISK, ...PEOPLE]) expect(all).not.toContain(secret);
}

let dones: string;
let childrens: string;

beforeAll(async () => {
  f = await meetingUnderWay();
  // Twelve actions for the police (one to be finished), due a day apart, and one for children's
  // social care: Dana's list shows the police's eleven open ones, ten of them on the card.
  const action = (ownerAgencyId: string, day: number) =>
    json<MeetingAction>(
      f.as.chair(
        `/api/meetings/${f.meetingId}/run/cases/${f.withChildren}/actions`,
        post({
          ownerAgencyId,
          ownerPerson: null,
          what: `${WHAT} ${day}`,
          dueDate: f.day(day),
          dueTime: '10:00',
          risk: RISK,
          urgent: null,
        }),
      ),
    );
  const police: MeetingAction[] = [];
  for (let day = 1; day <= 12; day += 1) police.push(await action(f.police, day));
  childrens = (await action(f.childrens, 1)).id;
  dones = police[11]!.id;
  await updateActionOutcome(deps(), {
    personId: f.personIds.police,
    roles: ['rep'],
    actionId: dones,
    outcome: { outcome: 'done', note: 'Visited', version: 1 },
  });
  // The next meeting's agenda out too, so the police owe research there (open) as well as
  // having given it for this one (closed); two actions overdue.
  const later = await f.app.db.query<{ meeting_id: string }>(
    'SELECT meeting_id FROM referral WHERE id = $1',
    [f.otherMeetingCase],
  );
  await json(
    f.as.coordinator(`/api/meetings/${later.rows[0]!.meeting_id}/agenda/publish`, post({})),
  );
  await f.setNow(londonInstant(f.day(2), '12:00'));
}, 120_000);
afterAll(() => f.app.stop());

it('matches the commands the manifest lists, whatever the case, with a full stop or not', () => {
  expect('my research').toMatch(COMMAND_WORDS.myResearch);
  expect('  My Research! ').toMatch(COMMAND_WORDS.myResearch);
  expect('my actions').toMatch(COMMAND_WORDS.myActions);
  expect('MY ACTIONS.').toMatch(COMMAND_WORDS.myActions);
  expect('refer a case').toMatch(START_WORDS);
  expect('help').toMatch(HELP_WORDS);
  expect('my research please').not.toMatch(COMMAND_WORDS.myResearch);
});

it('answers "my research" with a card of what core says: dates, agencies and counts, no cases', async () => {
  const expected: MyResearch = await myResearch(f.app.services, {
    personId: f.personIds.police,
    areaIds: [f.areaId],
  });
  expect(expected.items.map((i) => i.open).sort()).toEqual([false, true]);
  const card = await cardOf('My research.');
  const text = cardText(card);
  const items = elements(card).filter((e) => e.type === 'Container');
  expect(items).toHaveLength(expected.items.length);
  for (const item of expected.items) {
    expect(text).toContain(`Meeting: ${dateInWords(item.meetingDate, 'long')}`);
    expect(text).toContain(`Deadline: ${deadlineInWords(new Date(item.deadline))} (UK time)`);
    const left = item.cases - item.answered;
    expect(text).toMatch(
      new RegExp(`${item.cases} cases? on the agenda: ${item.answered} answered, ${left} `),
    );
  }
  expect(text).toContain(`Agency: ${expected.items[0]!.agencyName}`);
  expect(text).toContain('Status: Open');
  expect(text).toContain('Status: Closed');
  const open = expected.items.find((i) => i.open)!;
  expect(links(card)).toEqual([
    {
      title: 'Open the research form',
      url: `${publicUrl()}/research/${open.meetingId}/${open.agencyId}`,
    },
    { title: 'Open My research', url: `${publicUrl()}/research` },
  ]);
  expectNothingPersonal(card);
  for (const reference of await references()) expect(JSON.stringify(card)).not.toContain(reference);
});

it('answers "my actions" with the open actions by due time, references and due times only, audited', async () => {
  const before = await audits('actions.mine-viewed', f.personIds.police);
  const card = await cardOf('my actions');
  expect(await audits('actions.mine-viewed', f.personIds.police)).toBe(before + 1);
  const expected = (await readMyActions(deps(), { personId: f.personIds.police })).actions.filter(
    (a: OwnedAction) => a.incomplete,
  );
  expect(expected).toHaveLength(11);
  const buttons = opens(card);
  expect(buttons.map((b) => b.data.actionId)).toEqual(expected.slice(0, 10).map((a) => a.id));
  // Each button names its case, so a screen reader's list of buttons says which is which.
  expect(buttons.map((b) => [b.verb, b.title])).toEqual(
    expected.slice(0, 10).map((a) => [ACTION_VERBS.view, `Open ${a.reference}`]),
  );
  expect(buttons.map((b) => b.data.actionId)).not.toContain(dones);
  expect(buttons.map((b) => b.data.actionId)).not.toContain(childrens);
  const text = cardText(card);
  expect(text).toContain(`Case: ${expected[0]!.reference}`);
  for (const a of expected.slice(0, 10))
    expect(text).toContain(
      `Due: ${deadlineInWords(new Date(a.dueAt))} (UK time)${a.overdue ? ': overdue' : ''}\n`,
    );
  expect(expected.filter((a) => a.overdue)).toHaveLength(2);
  expect(text).toContain('11 open, 2 overdue');
  expect(text).toContain('And 1 more: open My actions in the MARAC tab.');
  expect(links(card)).toEqual([{ title: 'Open My actions', url: `${publicUrl()}/actions` }]);
  expectNothingPersonal(card);
});

it('opens an action from the list in the action card’s per-user view', async () => {
  const [first] = opens(await cardOf('my actions'));
  const answer = await postActivity(
    f.app.url,
    cardAction(first!.verb, first!.data, { from: DANA }),
  );
  expect(answer.status).toBe(200);
  const view = JSON.stringify((answer.body as { value: unknown }).value);
  expect(view).toContain(`${WHAT} 1`);
});

it('says so in a sentence when there is nothing to list', async () => {
  const reply = await say('my actions', FENELLA);
  expect(reply.attachments ?? []).toEqual([]);
  expect(reply.text).toBe('Your agencies have no open actions right now.');
});

it('lists nothing in a group chat, nor for a Teams user MARAC does not know', async () => {
  const before = await audits('actions.mine-viewed', f.personIds.police);
  for (const words of ['my research', 'my actions']) {
    const group = await say(words, DANA, 'groupChat');
    expect(group.attachments ?? []).toEqual([]);
    expect(group.text).toMatch(/only list them in our 1:1 chat/);
    const stranger = await say(words, STRANGER);
    expect(stranger.attachments ?? []).toEqual([]);
    expect(stranger.text).toMatch(/cannot match your Teams account to a MARAC user/);
  }
  expect(await audits('actions.mine-viewed', f.personIds.police)).toBe(before);
});

it('says in its help text and its welcome card that it lists research and actions', async () => {
  const reply = await say('hello');
  expect(reply.text).toMatch(/"my research".*"my actions"/);
  expect(cardText(await cardOf('help'))).toMatch(/"my research".*"my actions"/);
});

// Last: moves the clock past every published meeting's fortnight of reading back.
it('says there is no research when no published meeting is left to answer or read back', async () => {
  await f.setNow(londonInstant(f.day(60), '12:00'));
  const reply = await say('my research');
  expect(reply.attachments ?? []).toEqual([]);
  expect(reply.text).toBe('There is no research for your agencies right now.');
});
