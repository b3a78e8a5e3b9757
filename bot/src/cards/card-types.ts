/** The few Adaptive Card 1.5 element shapes the bot builds, typed so a builder cannot misspell one. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Bolder' | 'Default';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  color?: 'Default' | 'Attention' | 'Warning' | 'Good' | 'Accent';
  isSubtle?: boolean;
  id?: string;
}
export interface Choice {
  title: string;
  value: string;
}
interface InputBase {
  id: string;
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}
export interface InputText extends InputBase {
  type: 'Input.Text';
  value?: string;
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
}
export interface InputNumber extends InputBase {
  type: 'Input.Number';
  value?: number;
  min?: number;
  max?: number;
}
export interface InputDate extends InputBase {
  type: 'Input.Date';
  value?: string;
}
export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  value?: string;
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  placeholder?: string;
}
export interface InputToggle extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: 'true' | 'false';
  valueOn?: 'true';
  valueOff?: 'false';
}
export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}
export interface Container {
  type: 'Container';
  items: Element[];
  style?: 'default' | 'emphasis' | 'attention' | 'warning' | 'good';
  separator?: boolean;
}
/** Buttons placed among the body, under the item they belong to (a card has one row of its own). */
export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}
export type Element =
  | TextBlock
  | InputText
  | InputNumber
  | InputDate
  | InputChoiceSet
  | InputToggle
  | FactSet
  | Container
  | ActionSet;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: Record<string, unknown>;
  style?: 'positive' | 'default';
  associatedInputs?: 'auto' | 'none';
  /** What a Teams client too old for Universal Actions shows instead: a plain Submit. */
  fallback?: SubmitAction;
}

/** The pre-1.5 button; Teams posts its data (inputs merged) back as a message's `value`. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: Record<string, unknown>;
  style?: 'positive' | 'default';
  associatedInputs?: 'auto' | 'none';
}

/**
 * A link that opens in the browser or the Teams client. Only to this app's own pages: the address
 * carries ids at most, never a name (a chat's stored card keeps it).
 */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = ExecuteAction | OpenUrlAction;

/**
 * Universal Actions' per-user view: Teams calls `action` for each of `userIds` (at most 60) as the
 * card comes into view, and shows that person the card the bot answers with.
 */
export interface Refresh {
  action: ExecuteAction;
  userIds: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  refresh?: Refresh;
  body: Element[];
  /** The card's own row: its verbs only; a link goes in the body, in an ActionSet. */
  actions?: ExecuteAction[];
}

export const card = (
  body: Element[],
  actions: ExecuteAction[] = [],
  refresh?: Refresh,
): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  ...(refresh ? { refresh } : {}),
  body,
  ...(actions.length ? { actions } : {}),
});

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
