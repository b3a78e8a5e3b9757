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
export const ethnicGroupSchema = z.enum(
  ETHNIC_GROUPS.map((g) => g.id) as [EthnicGroup, ...EthnicGroup[]],
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
);
