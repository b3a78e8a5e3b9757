import { z } from 'zod';

/*
 * The categories the SafeLives data return counts victims by (issue #13): ethnic group, in the
 * ONS census groups for England and Wales, and sexual orientation, each with "not known" and
 * "prefers not to say". Shared with the tab, so the referral form can offer these as choices in
 * place of today's free text. Labels are British English, as the census words them.
 */

/** One category: its stable id (what a form stores), its label, and the census heading. */
export interface Category<Id extends string> {
  id: Id;
  label: string;
  /** The heading the category sits under on a form ("White", "Asian or Asian British"). */
  group: string;
  /**
   * The same category written another way that is still exact (the census short form, a
   * punctuation variant): what a stored value may equal and still be this category.
   */
  also: readonly string[];
}

const cat = <Id extends string>(
  id: Id,
  group: string,
  label: string,
  ...also: string[]
): Category<Id> => ({ id, group, label, also });

export const ETHNIC_GROUPS = [
  cat(
    'white-british',
    'White',
    'White: English, Welsh, Scottish, Northern Irish or British',
    'White British',
    'White: British',
  ),
  cat('white-irish', 'White', 'White: Irish', 'White Irish'),
  cat(
    'white-gypsy-irish-traveller',
    'White',
    'White: Gypsy or Irish Traveller',
    'Gypsy or Irish Traveller',
  ),
  cat('white-roma', 'White', 'White: Roma', 'Roma'),
  cat(
    'white-other',
    'White',
    'White: Any other White background',
    'Any other White background',
    'White other',
  ),
  cat(
    'mixed-white-black-caribbean',
    'Mixed or Multiple ethnic groups',
    'Mixed or Multiple ethnic groups: White and Black Caribbean',
    'White and Black Caribbean',
  ),
  cat(
    'mixed-white-black-african',
    'Mixed or Multiple ethnic groups',
    'Mixed or Multiple ethnic groups: White and Black African',
    'White and Black African',
  ),
  cat(
    'mixed-white-asian',
    'Mixed or Multiple ethnic groups',
    'Mixed or Multiple ethnic groups: White and Asian',
    'White and Asian',
  ),
  cat(
    'mixed-other',
    'Mixed or Multiple ethnic groups',
    'Mixed or Multiple ethnic groups: Any other Mixed or Multiple ethnic background',
    'Any other Mixed or Multiple ethnic background',
  ),
  cat('asian-indian', 'Asian or Asian British', 'Asian or Asian British: Indian'),
  cat('asian-pakistani', 'Asian or Asian British', 'Asian or Asian British: Pakistani'),
  cat('asian-bangladeshi', 'Asian or Asian British', 'Asian or Asian British: Bangladeshi'),
  cat('asian-chinese', 'Asian or Asian British', 'Asian or Asian British: Chinese'),
  cat(
    'asian-other',
    'Asian or Asian British',
    'Asian or Asian British: Any other Asian background',
    'Any other Asian background',
  ),
  cat('black-african', 'Black or Black British', 'Black or Black British: African'),
  cat('black-caribbean', 'Black or Black British', 'Black or Black British: Caribbean'),
  cat(
    'black-other',
    'Black or Black British',
    'Black or Black British: Any other Black, Black British or Caribbean background',
    'Any other Black, Black British or Caribbean background',
    'Any other Black background',
  ),
  cat('other-arab', 'Other ethnic group', 'Other ethnic group: Arab', 'Arab'),
  cat(
    'other-any',
    'Other ethnic group',
    'Other ethnic group: Any other ethnic group',
    'Any other ethnic group',
  ),
  cat('not-known', 'Not known', 'Not known', 'Unknown'),
  cat('prefers-not-to-say', 'Prefers not to say', 'Prefers not to say', 'Prefer not to say'),
] as const;

export type EthnicGroup = (typeof ETHNIC_GROUPS)[number]['id'];
/** A category id; anything else (free text included) is refused in words. */
export const ethnicGroupSchema = z.enum(
  ETHNIC_GROUPS.map((g) => g.id) as [EthnicGroup, ...EthnicGroup[]],
  { error: 'choose one of the listed ethnic groups, or Not known' },
);

export const SEXUAL_ORIENTATIONS = [
  cat(
    'heterosexual',
    'Sexual orientation',
    'Straight or heterosexual',
    'Heterosexual',
    'Heterosexual or straight',
  ),
  cat('gay-or-lesbian', 'Sexual orientation', 'Gay or lesbian', 'Gay or Lesbian'),
  cat('bisexual', 'Sexual orientation', 'Bisexual'),
  cat('other', 'Sexual orientation', 'Other sexual orientation', 'Other'),
  cat('not-known', 'Not known', 'Not known', 'Unknown'),
  cat('prefers-not-to-say', 'Prefers not to say', 'Prefers not to say', 'Prefer not to say'),
] as const;

export type SexualOrientation = (typeof SEXUAL_ORIENTATIONS)[number]['id'];
export const sexualOrientationSchema = z.enum(
  SEXUAL_ORIENTATIONS.map((o) => o.id) as [SexualOrientation, ...SexualOrientation[]],
  { error: 'choose one of the listed sexual orientations, or Not known' },
);

/** The two fields of the referral form that take these categories. */
export type EqualityField = 'ethnicity' | 'sexuality';
export const EQUALITY_FIELDS: readonly EqualityField[] = ['ethnicity', 'sexuality'];

/** The categories each field offers. */
export const CATEGORIES_OF: Record<EqualityField, readonly Category<string>[]> = {
  ethnicity: ETHNIC_GROUPS,
  sexuality: SEXUAL_ORIENTATIONS,
};

/** A category's label, for a view; the id itself if it is not one (it always is, once parsed). */
export function categoryLabel(field: EqualityField, id: string | null | undefined): string | null {
  if (!id) return null;
  return CATEGORIES_OF[field].find((c) => c.id === id)?.label ?? id;
}

/**
 * The categories under their census headings, in the census order, for a form's grouped
 * choice: `[{ heading, categories }]`.
 */
export function categoriesByHeading(
  field: EqualityField,
): { heading: string; categories: { id: string; label: string }[] }[] {
  const groups: { heading: string; categories: { id: string; label: string }[] }[] = [];
  for (const c of CATEGORIES_OF[field]) {
    const last = groups.at(-1);
    const entry = { id: c.id, label: c.label };
    if (last?.heading === c.group) last.categories.push(entry);
    else groups.push({ heading: c.group, categories: [entry] });
  }
  return groups;
}
