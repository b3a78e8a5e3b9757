/**
 * The action cards' verbs (issue #11), one list read by the card builders and by the handlers
 * that answer them. `view`, `form` and `note` only read (`view` answers `refresh` too); `done`,
 * `update` and `cannot` change the action, once per operation id.
 */
export const ACTION_VERBS = {
  /** The per-user view of one action: what, the risk, due, its history and the three ways. */
  view: 'action.view',
  /** The form of one outcome (`step`): a note, a new date with the reason, or the reason. */
  form: 'action.form',
  /** "Mark done", with the note typed. */
  done: 'action.done',
  /** "Save the new date", with the date, time and reason typed. */
  update: 'action.update',
  /** "It cannot be done", with the reason typed. */
  cannot: 'action.cannot',
  /** The agency's "MARAC" case note, to copy into its own case system. */
  note: 'action.case-note',
} as const;

export type ActionVerb = (typeof ACTION_VERBS)[keyof typeof ACTION_VERBS];

export const actionSteps = ['done', 'update', 'cannot'] as const;
export type ActionStep = (typeof actionSteps)[number];

/**
 * What an action card's button carries: the action's id, the version the card showed (a write
 * starts from it), the form's step, and the operation id the server put there when it rendered
 * the card. Never a name, never a value anyone typed. A refresh carries no operation id.
 */
export interface ActionCardData {
  op?: string;
  actionId: string;
  version?: number;
  step?: ActionStep;
}
