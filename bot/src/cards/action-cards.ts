import { ACTION_UPDATE_LIMITS, type OwnedAction } from '#core/contracts/action-api.js';
import { deadlineInWords } from '#core/research/research-deadline.js';
import { dateInWords } from '#core/shared/date-words.js';
import { errorBlock, heading, plain } from './card-parts.js';
import {
  card,
  type AdaptiveCard,
  type Element,
  type ExecuteAction,
  type Refresh,
} from './card-types.js';
import {
  ACTION_VERBS,
  type ActionCardData,
  type ActionStep,
  type ActionVerb,
} from './action-verbs.js';
import { MAX_REFRESH_USERS, noticeBlock } from './research-parts.js';

/*
 * An action's card in its owner agency's reps' chats (issue #11). The chat keeps the card, so at
 * rest it holds the case reference, dates and counts only; what the action is, the risk and its
 * history come in the per-user view that `refresh` fetches for the agency's reps after the
 * server checks who they are. After an outcome the refresh answers the new state for each rep.
 */

/** What the card at rest says: references, dates and counts. */
export interface ActionRestView {
  actionId: string;
  reference: string;
  meetingDate: string;
  dueAt: Date;
  /** This action's place among the agency's actions on the case: 1 of 2. */
  index: number;
  count: number;
  /** A children's services task: the date feedback goes to MARAC. */
  feedbackBy: string | null;
  refreshUserIds: readonly string[];
  op: string;
}

/** An action card button: `Action.Execute`, with an `Action.Submit` fallback naming the verb. */
export function actionButton(
  title: string,
  verb: ActionVerb,
  data: ActionCardData,
  options: { inputs?: boolean; positive?: boolean } = {},
): ExecuteAction {
  const style = options.positive ? { style: 'positive' as const } : {};
  const associatedInputs = options.inputs ? ('auto' as const) : ('none' as const);
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { ...data },
    associatedInputs,
    ...style,
    fallback: {
      type: 'Action.Submit',
      title,
      data: { ...data, verb },
      associatedInputs,
      ...style,
    },
  };
}

/** The per-user view for the agency's reps; it only reads, so it carries no operation id. */
export function actionRefresh(actionId: string, userIds: readonly string[]): Refresh {
  if (userIds.length > MAX_REFRESH_USERS)
    throw new RangeError(`refresh names ${userIds.length} people; Teams allows 60`);
  return {
    action: {
      type: 'Action.Execute',
      title: 'Refresh',
      verb: ACTION_VERBS.view,
      data: { actionId },
      associatedInputs: 'none',
    },
    userIds: [...userIds],
  };
}

/** The card the bot posts: no words of the action, nothing about anyone. */
export function actionRestCard(view: ActionRestView): AdaptiveCard {
  return card(
    [
      ...heading(
        'MARAC action for your agency',
        'Open it to see the action, mark it done, give a new date or say it cannot be done.',
      ),
      {
        type: 'FactSet',
        facts: [
          { title: 'Case', value: view.reference },
          { title: 'Meeting', value: dateInWords(view.meetingDate, 'long') },
          { title: 'Due', value: `${deadlineInWords(view.dueAt)} (UK time)` },
          { title: 'Action', value: `${view.index} of ${view.count} for your agency on this case` },
          ...(view.feedbackBy
            ? [{ title: 'Feedback to MARAC', value: `by ${dateInWords(view.feedbackBy, 'long')}` }]
            : []),
        ],
      },
    ],
    [
      actionButton(
        'Open the action',
        ACTION_VERBS.view,
        { actionId: view.actionId, op: view.op },
        { positive: true },
      ),
    ],
    actionRefresh(view.actionId, view.refreshUserIds),
  );
}

const STATUS_WORDS: Record<OwnedAction['status'], string> = {
  open: 'Open',
  ongoing: 'Ongoing',
  done: 'Done',
  'not-done': 'Not done (recorded at a review)',
  cannot: 'Cannot be done',
};
const OUTCOME_WORDS = { done: 'Done', update: 'New due date', cannot: 'Cannot be done' } as const;

/** The action itself, for one rep: what, who, the risk, due, status and history. */
function actionFacts(a: OwnedAction): Element[] {
  return [
    {
      type: 'FactSet',
      facts: [
        { title: 'Case', value: a.reference },
        { title: 'Meeting', value: dateInWords(a.meetingDate, 'long') },
        { title: 'Agency', value: plain(a.ownerAgencyName) },
        ...(a.ownerPerson ? [{ title: 'Who', value: plain(a.ownerPerson) }] : []),
        {
          title: 'Due',
          value: `${deadlineInWords(new Date(a.dueAt))} (UK time)${a.overdue ? ': overdue' : ''}`,
        },
        ...(a.feedbackBy
          ? [{ title: 'Feedback to MARAC', value: `by ${dateInWords(a.feedbackBy, 'long')}` }]
          : []),
        { title: 'Status', value: STATUS_WORDS[a.status] },
      ],
    },
    { type: 'TextBlock', text: 'What', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: plain(a.what), wrap: true },
    { type: 'TextBlock', text: 'Risk it addresses', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: plain(a.risk), wrap: true },
    ...(a.history.length
      ? [
          {
            type: 'Container' as const,
            separator: true,
            items: [
              {
                type: 'TextBlock' as const,
                text: 'Updates',
                weight: 'Bolder' as const,
                wrap: true,
              },
              ...a.history.map((h): Element => ({
                type: 'TextBlock',
                wrap: true,
                text: plain(
                  `${OUTCOME_WORDS[h.outcome]}${h.newDueAt ? ` (now due ${deadlineInWords(new Date(h.newDueAt))})` : ''}, ` +
                    `${deadlineInWords(new Date(h.at))}, ${h.by}: ${h.words}`,
                ),
              })),
            ],
          },
        ]
      : []),
  ];
}

/** The per-user view: the action and, while it is incomplete, the three ways and the case note. */
export function actionViewCard(
  a: OwnedAction,
  options: { op: string; notice?: string; refreshUserIds: readonly string[] },
): AdaptiveCard {
  const data = (step?: ActionStep): ActionCardData => ({
    actionId: a.id,
    version: a.version,
    op: options.op,
    ...(step ? { step } : {}),
  });
  const buttons = a.incomplete
    ? [
        actionButton('Mark done', ACTION_VERBS.form, data('done'), { positive: true }),
        actionButton('New due date', ACTION_VERBS.form, data('update')),
        actionButton('Cannot be done', ACTION_VERBS.form, data('cannot')),
        actionButton('Case note', ACTION_VERBS.note, data()),
      ]
    : [actionButton('Case note', ACTION_VERBS.note, data())];
  return card(
    [
      ...heading(`MARAC action: ${a.reference}`, 'Only you and your agency’s other rep see this.'),
      ...noticeBlock(options.notice),
      ...actionFacts(a),
    ],
    buttons,
    actionRefresh(a.id, options.refreshUserIds),
  );
}

/** What was typed on an outcome form, shown again with the problems when it is refused. */
export interface ActionFormValues {
  note?: string;
  reason?: string;
  dueDate?: string;
  dueTime?: string;
}

const FORM_TITLES: Record<ActionStep, [string, string]> = {
  done: ['Mark this action done', 'Mark done'],
  update: ['Give a new due date', 'Save the new date'],
  cannot: ['Say this action cannot be done', 'It cannot be done'],
};

/** One outcome's form: the note, or the new date and the reason, or the reason. Nothing pre-filled. */
export function actionFormCard(
  a: OwnedAction,
  step: ActionStep,
  options: {
    op: string;
    errors?: readonly string[];
    values?: ActionFormValues;
    refreshUserIds: readonly string[];
  },
): AdaptiveCard {
  const v = options.values ?? {};
  const text = (id: 'note' | 'reason', label: string, max: number): Element => ({
    type: 'Input.Text',
    id,
    label,
    isMultiline: true,
    isRequired: true,
    errorMessage: `${label}: enter some words`,
    ...(v[id] ? { value: v[id] } : {}),
    placeholder: `Up to ${max} characters`,
  });
  const inputs: Element[] =
    step === 'done'
      ? [text('note', 'What was done', ACTION_UPDATE_LIMITS.note)]
      : step === 'cannot'
        ? [text('reason', 'Why it cannot be done', ACTION_UPDATE_LIMITS.reason)]
        : [
            {
              type: 'Input.Date',
              id: 'dueDate',
              label: 'New due date',
              isRequired: true,
              errorMessage: 'New due date: choose a date',
              ...(v.dueDate ? { value: v.dueDate } : {}),
            },
            {
              type: 'Input.Text',
              id: 'dueTime',
              label: 'New due time, 24-hour UK time, such as 14:30',
              isRequired: true,
              errorMessage: 'New due time: enter a 24-hour time such as 14:30',
              ...(v.dueTime ? { value: v.dueTime } : {}),
            },
            text('reason', 'Why the date changes', ACTION_UPDATE_LIMITS.reason),
          ];
  const [title, submit] = FORM_TITLES[step];
  const verb =
    step === 'done'
      ? ACTION_VERBS.done
      : step === 'update'
        ? ACTION_VERBS.update
        : ACTION_VERBS.cannot;
  const data: ActionCardData = { actionId: a.id, version: a.version, op: options.op, step };
  return card(
    [
      ...heading(`${title}: ${a.reference}`, plain(a.what)),
      ...errorBlock(options.errors ?? []),
      ...inputs,
    ],
    [
      actionButton(submit, verb, data, { inputs: true, positive: true }),
      actionButton('Back', ACTION_VERBS.view, { actionId: a.id, op: options.op }),
    ],
    actionRefresh(a.id, options.refreshUserIds),
  );
}

/** The agency's case note, to copy into its own case system. */
export function actionCaseNoteCard(
  a: OwnedAction,
  text: string,
  options: { op: string; refreshUserIds: readonly string[] },
): AdaptiveCard {
  return card(
    [
      ...heading(
        `Case note: ${a.reference}`,
        'Copy this into your agency’s own case system as a “MARAC” case note.',
      ),
      // One block a line: a TextBlock joins single line breaks, as markdown does.
      ...text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line): Element => ({ type: 'TextBlock', text: plain(line), wrap: true })),
    ],
    [actionButton('Back', ACTION_VERBS.view, { actionId: a.id, op: options.op })],
    actionRefresh(a.id, options.refreshUserIds),
  );
}
