import { type AgentApplication, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { readCaseNote } from '#core/actions/case-note.js';
import { readOwnedAction } from '#core/actions/my-actions.js';
import { updateActionOutcome } from '#core/actions/update-action-outcome.js';
import {
  ACTION_UPDATE_LIMITS,
  actionOutcomeBody,
  type ActionOutcomeInput,
  type OwnedAction,
} from '#core/contracts/action-api.js';
import { isDomainError } from '#core/shared/errors.js';
import type { Principal } from '../auth/people.js';
import { recordRefused } from '../audit/refused-requests.js';
import {
  actionCaseNoteCard,
  actionFormCard,
  actionViewCard,
  type ActionFormValues,
} from '../cards/action-cards.js';
import {
  ACTION_VERBS,
  actionSteps,
  type ActionStep,
  type ActionVerb,
} from '../cards/action-verbs.js';
import { heading } from '../cards/card-parts.js';
import { card, type AdaptiveCard } from '../cards/card-types.js';
import { noticeCard } from '../cards/status-cards.js';
import { depsFor, type Services } from '../http/services.js';
import { sqlCardOperations } from '../store/sql-card-operations.js';
import { registerCardVerbs, type CardReply } from './card-verbs.js';
import { principalOfActivity } from './teams-person.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERSONAL_ONLY =
  'Actions are about people, so I only show them in our 1:1 chat. Open the action card there.';
const NOT_KNOWN_PERSON =
  'I cannot match your Teams account to a MARAC user. Sign in to the MARAC tab once, then try again.';
const NOT_A_CARD =
  'This card is out of date or was not made by MARAC. Open the action in "My actions" in the MARAC tab.';
const BUSY = 'Still working on this. Wait a moment, then try again.';
const NO_PER_USER_VIEW =
  'This version of Teams cannot show a card to you alone, so the action is not shown here: open "My actions" in the MARAC tab.';

/** What an action card answers: the card, and whether it shows the action's words. */
type Reply = CardReply;

const id = z.uuid();
const version = z.number().int().min(1);
const step = z.enum(actionSteps);
const text = z.string().optional();
const base = {
  actionId: id,
  op: id.optional(),
  version: version.optional(),
  step: step.optional(),
};
const write = { actionId: id, op: id, version, step: step.optional() };
const schemas = {
  [ACTION_VERBS.view]: z.strictObject(base),
  [ACTION_VERBS.note]: z.strictObject(base),
  [ACTION_VERBS.form]: z.strictObject({ ...base, step }),
  [ACTION_VERBS.done]: z.strictObject({ ...write, note: text }),
  [ACTION_VERBS.update]: z.strictObject({ ...write, dueDate: text, dueTime: text, reason: text }),
  [ACTION_VERBS.cannot]: z.strictObject({ ...write, reason: text }),
} satisfies Record<ActionVerb, z.ZodType>;

type CardAction = z.infer<(typeof schemas)[ActionVerb]> & {
  note?: string;
  reason?: string;
  dueDate?: string;
  dueTime?: string;
};

const WRITE_STEP: Partial<Record<ActionVerb, ActionStep>> = {
  [ACTION_VERBS.done]: 'done',
  [ACTION_VERBS.update]: 'update',
  [ACTION_VERBS.cannot]: 'cannot',
};

/**
 * The action cards' buttons and refreshes (`registerCardVerbs`): each verb's answer replaces the
 * card for the person who clicked; the refresh gives each of the agency's reps the action as it
 * now stands; an older client's message never shows the action's words.
 */
export function registerActionFlow(app: AgentApplication<TurnState>, s: Services): void {
  registerCardVerbs(app, Object.values(ACTION_VERBS), NO_PER_USER_VIEW, (context, verb, data) =>
    answer(s, context, verb, data),
  );
}

/** A refusal: the reason in words, nothing about any action, no refresh and no buttons. */
const notAllowedCard = (reason: string): AdaptiveCard => card(heading('MARAC action', reason));

async function answer(
  s: Services,
  context: TurnContext,
  verb: ActionVerb,
  raw: unknown,
): Promise<Reply> {
  const correlationId = context.activity.id ?? 'bot';
  const actionId = (raw as { actionId?: unknown } | null)?.actionId;
  const refuse = async (reason: string, actorId: string | null): Promise<Reply> => {
    await recordRefused(
      s.db,
      {
        actorId,
        action: 'action.card.refused',
        recordId: typeof actionId === 'string' && UUID.test(actionId) ? actionId : null,
        correlationId,
      },
      s.clock.now(),
    );
    return { card: notAllowedCard(reason), personal: false, said: reason };
  };
  if (context.activity.conversation?.conversationType !== 'personal')
    return refuse(PERSONAL_ONLY, null);
  const principal = await principalOfActivity(s, context.activity);
  if (!principal) return refuse(NOT_KNOWN_PERSON, null);
  const parsed = schemas[verb].safeParse(raw);
  if (!parsed.success) return refuse(NOT_A_CARD, principal.personId);
  const action = parsed.data as CardAction;
  try {
    return await once(s, principal, context, verb, action);
  } catch (error) {
    if (isDomainError(error)) return refuse(error.message, principal.personId);
    throw error;
  }
}

/**
 * The person and their roles in the action's area, and what the use cases need. A card given to
 * one person refreshes for that person alone (their Teams id), as the research cards do: the
 * card the bot posted names all the agency's reps, and gives each the action as it stands.
 */
async function actorOf(s: Services, principal: Principal, context: TurnContext, actionId: string) {
  const found = await s.db.query<{ area_id: string }>(
    'SELECT area_id FROM meeting_action WHERE id = $1',
    [actionId],
  );
  const areaId = found.rows[0]?.area_id;
  const viewerId = context.activity.from?.id;
  return {
    actor: {
      personId: principal.personId,
      roles: principal.roles.filter((r) => r.areaId === areaId).map((r) => r.role),
      actionId,
    },
    deps: depsFor(s, { principal, correlationId: context.activity.id ?? 'bot' }),
    refreshUserIds: viewerId ? [viewerId] : [],
  };
}

/** A write runs once per operation id: a second click gets the card as things now stand. */
async function once(
  s: Services,
  principal: Principal,
  context: TurnContext,
  verb: ActionVerb,
  action: CardAction,
): Promise<Reply> {
  const ctx = await actorOf(s, principal, context, action.actionId);
  const show = async (notice?: string): Promise<Reply> => {
    const owned = await readOwnedAction(ctx.deps, ctx.actor);
    return {
      card: actionViewCard(owned, {
        op: ctx.deps.ids.newId(),
        refreshUserIds: ctx.refreshUserIds,
        ...(notice ? { notice } : {}),
      }),
      personal: true,
      said: notice ?? `Action on case ${owned.reference}.`,
    };
  };
  const step = WRITE_STEP[verb];
  if (verb === ACTION_VERBS.view) return show();
  if (verb === ACTION_VERBS.note) {
    const owned = await readOwnedAction(ctx.deps, ctx.actor);
    const note = await readCaseNote(ctx.deps, ctx.actor);
    return {
      card: actionCaseNoteCard(owned, note.text, {
        op: ctx.deps.ids.newId(),
        refreshUserIds: ctx.refreshUserIds,
      }),
      personal: true,
      said: `Case note for ${owned.reference}.`,
    };
  }
  if (verb === ACTION_VERBS.form) {
    const owned = await readOwnedAction(ctx.deps, ctx.actor);
    if (!owned.incomplete) return show('This action is finished: it can no longer be updated.');
    return form(ctx, owned, action.step!, {});
  }
  if (!step || !action.op || action.version === undefined) return show();
  const operations = sqlCardOperations(s.db);
  const claim = await operations.claim(action.op, principal.personId);
  if (claim.kind === 'done') return show();
  if (claim.kind === 'busy') return { card: noticeCard(BUSY), personal: false, said: BUSY };
  if (claim.kind === 'not-yours')
    return { card: notAllowedCard(NOT_A_CARD), personal: false, said: NOT_A_CARD };
  try {
    const reply = await writeOutcome(ctx, step, action, show);
    await operations.complete(action.op, { show: 'action' });
    return reply;
  } catch (error) {
    await operations.release(action.op);
    throw error;
  }
}

type Ctx = Awaited<ReturnType<typeof actorOf>>;

function form(
  ctx: Ctx,
  owned: OwnedAction,
  step: ActionStep,
  values: ActionFormValues,
  errors: string[] = [],
): Reply {
  return {
    card: actionFormCard(owned, step, {
      op: ctx.deps.ids.newId(),
      refreshUserIds: ctx.refreshUserIds,
      values,
      errors,
    }),
    personal: true,
    said: errors.length
      ? 'Some answers need putting right: nothing was saved.'
      : `Action on case ${owned.reference}.`,
  };
}

const LABELS: Record<string, string> = {
  note: 'What was done',
  reason: 'The reason',
  dueDate: 'New due date',
  dueTime: 'New due time',
};

/** A refused field in words, naming it: "What was done: enter some words". */
function problemOf(path: string, tooLong: boolean): string {
  const label = LABELS[path] ?? 'This answer';
  if (path === 'dueDate') return `${label}: choose a date`;
  if (path === 'dueTime') return `${label}: enter a 24-hour time such as 14:30`;
  if (tooLong) {
    const max = path === 'note' ? ACTION_UPDATE_LIMITS.note : ACTION_UPDATE_LIMITS.reason;
    return `${label}: use ${max} characters or fewer`;
  }
  return `${label}: enter some words`;
}

/** Checks what was typed, then records the outcome; a refusal comes back on the form, kept as typed. */
async function writeOutcome(
  ctx: Ctx,
  step: ActionStep,
  action: CardAction,
  show: (notice?: string) => Promise<Reply>,
): Promise<Reply> {
  const values: ActionFormValues = {
    ...(action.note !== undefined ? { note: action.note } : {}),
    ...(action.reason !== undefined ? { reason: action.reason } : {}),
    ...(action.dueDate !== undefined ? { dueDate: action.dueDate } : {}),
    ...(action.dueTime !== undefined ? { dueTime: action.dueTime } : {}),
  };
  const body =
    step === 'done'
      ? { outcome: step, note: action.note ?? '', version: action.version }
      : step === 'cannot'
        ? { outcome: step, reason: action.reason ?? '', version: action.version }
        : {
            outcome: step,
            dueDate: action.dueDate ?? '',
            dueTime: action.dueTime ?? '',
            reason: action.reason ?? '',
            version: action.version,
          };
  const parsed = actionOutcomeBody.safeParse(body);
  if (!parsed.success) {
    const owned = await readOwnedAction(ctx.deps, ctx.actor);
    const errors = [
      ...new Set(
        parsed.error.issues.map((i) => problemOf(String(i.path[0] ?? ''), i.code === 'too_big')),
      ),
    ];
    return form(ctx, owned, step, values, errors);
  }
  try {
    await updateActionOutcome(ctx.deps, {
      ...ctx.actor,
      outcome: parsed.data as ActionOutcomeInput,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'VALIDATION_FAILED') {
      const owned = await readOwnedAction(ctx.deps, ctx.actor);
      return form(
        ctx,
        owned,
        step,
        values,
        (error.details ?? []).map((d) => d.message),
      );
    }
    if (error.code === 'CONFLICT' || error.code === 'VERSION_CONFLICT') return show(error.message);
    throw error;
  }
  const notice =
    step === 'done'
      ? 'Marked done. Your agency’s other rep sees it done too.'
      : step === 'cannot'
        ? 'Recorded: this action cannot be done.'
        : 'The new due date is saved.';
  return show(notice);
}
