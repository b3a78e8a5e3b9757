/** The words the tab shows for the API's codes. */
export const CRITERIA_WORDS: Record<string, string> = {
  'visible-high-risk': 'Visible high risk',
  'professional-judgement': 'Professional judgement',
  'potential-escalation': 'Potential escalation',
  repeat: 'Repeat',
};

export const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'needs-information': 'Needs information',
  accepted: 'Accepted',
  declined: 'Declined',
  merged: 'Merged',
};

export const BAND_WORDS: Record<string, string> = {
  standard: 'Standard',
  medium: 'Medium',
  high: 'High',
};

export const YNK_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', 'not-known': 'Not known' };

export const GENDERS = [
  ['female', 'Female'],
  ['male', 'Male'],
  ['non-binary', 'Non-binary'],
  ['other', 'Other'],
  ['not-known', 'Not known'],
] as const;

export const RELATIONSHIPS = [
  ['partner', 'Partner'],
  ['ex-partner', 'Ex-partner'],
  ['parent', 'Parent'],
  ['child', 'Child'],
  ['sibling', 'Sibling'],
  ['other-family', 'Other family member'],
  ['other', 'Other'],
] as const;

export const MAPPA_LEVELS = [
  ['none', 'Not managed under MAPPA'],
  ['1', 'Level 1'],
  ['2', 'Level 2'],
  ['3', 'Level 3'],
  ['not-known', 'Not known'],
] as const;

const lookup = (pairs: readonly (readonly [string, string])[]) =>
  Object.fromEntries(pairs) as Record<string, string>;
export const GENDER_WORDS = lookup(GENDERS);
export const RELATIONSHIP_WORDS = lookup(RELATIONSHIPS);
export const MAPPA_WORDS = lookup(MAPPA_LEVELS);
