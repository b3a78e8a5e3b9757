import type { OwnedAction } from '#core/contracts/action-api.js';
import type { MyResearch } from '#core/contracts/research-api.js';
import { deadlineInWords } from '#core/research/research-deadline.js';
import { dateInWords } from '#core/shared/date-words.js';
import { actionButton } from './action-cards.js';
import { ACTION_VERBS } from './action-verbs.js';
import { heading, plain } from './card-parts.js';
import { card, type AdaptiveCard, type Element, type OpenUrlAction } from './card-types.js';

/*
 * "my research" and "my actions" in the 1:1 chat. The chat keeps these cards, so they hold what a
 * card at rest may: dates, counts, agency names and case references (actions only), never a
 * case's people nor the words of an action. The details open in the tab, or, for an action, in
 * the action card's per-user view (its "Open" button is the action card's own verb).
 */

/** The most items one list card shows: ten fit well under Teams' ~28 KB, and read on a phone. */
export const MY_LIST_CAP = 10;

type ResearchItem = MyResearch['items'][number];

const link = (title: string, url: string): OpenUrlAction => ({
  type: 'Action.OpenUrl',
  title,
  url,
});
const links = (...actions: OpenUrlAction[]): Element => ({ type: 'ActionSet', actions });
const more = (n: number, page: string): Element[] =>
  n > 0
    ? [{ type: 'TextBlock', text: `And ${n} more: open ${page} in the MARAC tab.`, wrap: true }]
    : [];

function casesInWords(item: ResearchItem): string {
  const left = item.cases - item.answered;
  const cases = `${item.cases} ${item.cases === 1 ? 'case' : 'cases'} on the agenda`;
  return `${cases}: ${item.answered} answered, ${left} ${item.open ? 'still to answer' : 'not answered'}`;
}

/** One meeting and agency: when, who, the deadline, the counts and, while open, its form. */
function researchItem(item: ResearchItem, publicUrl: string, showArea: boolean): Element {
  const form = `${publicUrl}/research/${encodeURIComponent(item.meetingId)}/${encodeURIComponent(item.agencyId)}`;
  return {
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'FactSet',
        facts: [
          { title: 'Meeting', value: dateInWords(item.meetingDate, 'long') },
          ...(showArea ? [{ title: 'Area', value: plain(item.areaName) }] : []),
          { title: 'Agency', value: plain(item.agencyName) },
          { title: 'Deadline', value: `${deadlineInWords(new Date(item.deadline))} (UK time)` },
          { title: 'Cases', value: casesInWords(item) },
          { title: 'Status', value: item.open ? 'Open' : 'Closed: the deadline has passed' },
        ],
      },
      ...(item.open ? [links(link('Open the research form', form))] : []),
    ],
  };
}

/**
 * The research the person's agencies owe or gave, counts only: the open first (the nearest
 * deadline first), then those closed in the last fortnight. No case is named: the cases are on
 * the agency's form in the tab, read and audited there. Empty: null, for a plain sentence.
 */
export function myResearchCard(research: MyResearch, publicUrl: string): AdaptiveCard | null {
  if (research.items.length === 0) return null;
  const items = [...research.items.filter((i) => i.open), ...research.items.filter((i) => !i.open)];
  const shown = items.slice(0, MY_LIST_CAP);
  const showArea = new Set(items.map((i) => i.areaName)).size > 1;
  const open = items.filter((i) => i.open).length;
  return card([
    ...heading(
      'Research for your agencies',
      `${open} open, ${items.length - open} closed. The cases are on each form in the MARAC tab.`,
    ),
    ...shown.map((item) => researchItem(item, publicUrl, showArea)),
    ...more(items.length - shown.length, 'My research'),
    links(link('Open My research', `${publicUrl}/research`)),
  ]);
}

/** One action at rest: its case reference, meeting, due time, and the button to open it. */
function actionItem(a: OwnedAction, op: string, showAgency: boolean): Element {
  return {
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'FactSet',
        facts: [
          { title: 'Case', value: a.reference },
          { title: 'Meeting', value: dateInWords(a.meetingDate, 'long') },
          ...(showAgency ? [{ title: 'Agency', value: plain(a.ownerAgencyName) }] : []),
          {
            title: 'Due',
            value: `${deadlineInWords(new Date(a.dueAt))} (UK time)${a.overdue ? ': overdue' : ''}`,
          },
        ],
      },
      {
        type: 'ActionSet',
        actions: [actionButton(`Open ${a.reference}`, ACTION_VERBS.view, { actionId: a.id, op })],
      },
    ],
  };
}

/**
 * The open (incomplete) actions of the person's agencies, the soonest due first: reference, meeting,
 * due time and whether it is overdue. What an action is and the risk it addresses come only in
 * the per-user view its "Open" button fetches. Nothing open: null, for a plain sentence.
 */
export function myActionsCard(
  actions: readonly OwnedAction[],
  options: { op: string; publicUrl: string },
): AdaptiveCard | null {
  const open = actions
    .filter((a) => a.incomplete)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  if (open.length === 0) return null;
  const shown = open.slice(0, MY_LIST_CAP);
  const showAgency = new Set(open.map((a) => a.ownerAgencyId)).size > 1;
  const overdue = open.filter((a) => a.overdue).length;
  return card([
    ...heading(
      'Open actions for your agencies',
      `${open.length} open, ${overdue} overdue. Open one to see it and to update it.`,
    ),
    ...shown.map((a) => actionItem(a, options.op, showAgency)),
    ...more(open.length - shown.length, 'My actions'),
    links(link('Open My actions', `${options.publicUrl}/actions`)),
  ]);
}
