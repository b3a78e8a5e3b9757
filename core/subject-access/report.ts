import { londonDateOf, londonTimeOf } from '../calendar/london-time.js';
import { dateInWords } from '../shared/date-words.js';
import type { LocalDate } from '../shared/local-date.js';

/*
 * Everything held about one person, as the PDF prints it: per case, per item, each with the
 * agency that provided it and the date. Words only, so the renderer decides nothing.
 */

/**
 * Why a field or item needs a look before it is disclosed:
 * - `third-party`: it is about someone else (the person causing harm, a child, a professional);
 * - `may-name-others`: free text a professional wrote about the family, which may name others.
 * Nothing is removed: the partnership decides what to withhold.
 */
export type ReviewMark = 'third-party' | 'may-name-others';

export const REVIEW_WORDS: Record<ReviewMark, string> = {
  'third-party': 'Third-party information: review before disclosure.',
  'may-name-others': 'May contain third-party information: review before disclosure.',
};

export interface ReportField {
  label: string;
  value: string;
  review?: ReviewMark;
}

export interface ReportItem {
  /** What the item is: "Referral NBW-2026-0001", "Research for the meeting of ...". */
  title: string;
  /** The agency that provided it, or the MARAC itself (its coordinator or meeting record). */
  providedBy: string;
  /** When it was provided or last written, in words. */
  on: string;
  /** A mark for the whole item (every field of it). */
  review?: ReviewMark;
  fields: ReportField[];
}

export interface ReportCase {
  caseId: string;
  areaName: string;
  references: string[];
  items: ReportItem[];
}

export interface SubjectAccessReport {
  producedAt: Date;
  producedBy: string;
  /** The areas searched: the ones the coordinator coordinates in the partnership. */
  areaNames: string[];
  /** How the person was identified (their details as given, or a case reference). */
  identifiedBy: ReportField[];
  /** How each case came to be included, by case id. */
  howFound: Map<string, string>;
  /** Candidate cases the coordinator ruled out (counted, never listed). */
  ruledOut: number;
  /** Cases of the person in areas the coordinator does not coordinate: names and counts only. */
  elsewhere: { areaName: string; cases: number }[];
  cases: ReportCase[];
}

/** "Tuesday 1 December 2026". */
export const onDate = (date: LocalDate): string => dateInWords(date, 'long');

/** "Tuesday 1 December 2026 at 09:00" (London time). */
export const atInstant = (instant: Date): string =>
  `${onDate(londonDateOf(instant))} at ${londonTimeOf(instant)}`;

/** A field, left out when there is nothing to say (nothing is invented for an empty answer). */
export function field(
  label: string,
  value: string | null | undefined,
  review?: ReviewMark,
): ReportField[] {
  const text = value?.trim();
  if (!text) return [];
  return [{ label, value: text, ...(review ? { review } : {}) }];
}

export const yesNo = (value: boolean | null | undefined): string | null =>
  value === null || value === undefined ? null : value ? 'Yes' : 'No';

const WORDS: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  'not-known': 'Not known',
  'ex-partner': 'Ex-partner',
  'non-binary': 'Non-binary',
};
/** A stored code in words: "not-known" is "Not known", "other-family" "Other family". */
export const answerWords = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const words = WORDS[value] ?? value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
