import { RESEARCH_QUESTIONS } from '#core/contracts/research.js';
import { londonDateOf, londonTimeOf } from '#core/calendar/london-time.js';
import { dateInWords } from '#core/shared/date-words.js';
import { addDays } from '#core/shared/local-date.js';
import {
  RESEARCH_CARD_LIMITS,
  type ResearchField,
  type ResearchLimits,
  type ResearchStatus,
  type ResearchTextField,
} from './research-types.js';

/** A London clock time the GOV.UK way: "9am", "5:30pm", "midday". */
export function clockInWords(hhmm: string): string {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  if (hour === 12 && minute === 0) return 'midday';
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * An instant as people in England and Wales read it, whatever the server's zone:
 * "5pm on Thursday 3 December 2026". Midnight is the end of the day before, said so.
 */
export function londonMomentInWords(instant: Date): string {
  const date = londonDateOf(instant);
  const time = londonTimeOf(instant);
  if (time === '00:00') return `midnight at the end of ${dateInWords(addDays(date, -1), 'long')}`;
  return `${clockInWords(time)} on ${dateInWords(date, 'long')}`;
}

const STATUS: Record<ResearchStatus, string> = {
  due: 'Not started',
  draft: 'Draft saved, not submitted',
  submitted: 'Submitted',
  'nothing-known': 'Nothing known: recorded',
};
export const researchStatusWords = (status: ResearchStatus) => STATUS[status];

/** The form's questions, as its labels and every message about a field name them. */
export const RESEARCH_FIELD_WORDS: Record<ResearchTextField, string> = RESEARCH_QUESTIONS;
export const KNOWN_WORDS = RESEARCH_QUESTIONS.knownToAgency;
export const FLAGGED_WORDS = RESEARCH_QUESTIONS.recordsFlagged;
export const CHILD_PART_WORDS = {
  involvement: 'involvement',
  contactArrangements: 'contact arrangements',
} as const;

/** A field in words, children by number: "Child 2: contact arrangements". */
export function fieldInWords(field: ResearchField): string {
  if (typeof field === 'object') return `Child ${field.child + 1}: ${CHILD_PART_WORDS[field.part]}`;
  if (field === 'knownToAgency') return KNOWN_WORDS;
  if (field === 'recordsFlagged') return FLAGGED_WORDS;
  if (field === 'children') return 'Children';
  return RESEARCH_FIELD_WORDS[field];
}

/** The limit a label names, the contract's: "up to 2,000 characters". */
export const limitWords = (key: keyof ResearchLimits) =>
  `up to ${RESEARCH_CARD_LIMITS[key].toLocaleString('en-GB')} characters`;
