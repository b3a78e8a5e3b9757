/**
 * The statement the chair reads at the start and every attendee signs, printed on every page
 * of the agenda. An area can replace it with its own protocol's words.
 */
export const defaultConfidentialityStatement =
  'Everything shared for and at this MARAC is confidential. Do not pass it to anyone outside the ' +
  'meeting, including the family: the perpetrator must not learn that they were discussed. Use it ' +
  'only to keep the people named here safe, and only with the consent of the agency that gave it or ' +
  'of the chair. Keep these papers encrypted and destroy copies when they are no longer needed.';

/** The short form printed in every page's footer. */
export const pageConfidentialityNote =
  'OFFICIAL-SENSITIVE. Confidential to the MARAC: share with no one outside it; the perpetrator must not learn of it.';
