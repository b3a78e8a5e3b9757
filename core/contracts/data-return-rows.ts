import type {
  DataReturn,
  Figure,
  Figures,
  MeetingReturn,
  PersonFigure,
} from './data-return-api.js';

/**
 * The figures of a return as rows, in the order SafeLives lists them, for the command line's
 * table, the CSV, the spreadsheet and the tab alike (one set of words wherever the return is
 * read): a machine name, a detail (the agency or its kind), the words a person reads, and the
 * figure. `key` tells one row from another across meetings (an agency by its id).
 */
export interface FigureRow {
  figure: string;
  detail: string;
  label: string;
  key: string;
  value: Figure | PersonFigure;
}

const KIND_WORDS: Record<string, string> = {
  police: 'police',
  idva: 'IDVA service',
  'childrens-social-care': "children's social care",
  'adult-social-care': 'adult social care',
  health: 'health',
  'health-acute': 'acute health',
  'mental-health': 'mental health',
  housing: 'housing',
  probation: 'probation',
  education: 'education',
  'substance-misuse': 'drug and alcohol',
  'specialist-da': 'specialist domestic abuse',
  'not-on-area': 'agency not on this area',
};

/** `id` tells rows of one figure apart (an agency's id; its detail otherwise). */
const row = (figure: string, label: string, value: Figure, detail = '', id = detail) => ({
  figure,
  detail,
  label,
  key: detail ? `${figure}:${id}` : figure,
  value,
});

/** Every figure of one meeting's (or the quarter's) figures, as rows. */
export function figureRows(f: Figures): FigureRow[] {
  const { victims } = f;
  return [
    row('cases-heard', 'Cases heard', f.casesHeard),
    row('repeat-cases', 'Repeat cases', f.repeatCases),
    row('children', 'Children in the households', f.children),
    row('referrals-police', 'Referrals from the police', f.referrals.police),
    row('referrals-partners', 'Referrals from partner agencies', f.referrals.partners),
    ...f.referrals.byKind.map((k) =>
      row('referrals-by-kind', `  by kind: ${KIND_WORDS[k.kind] ?? k.kind}`, k, k.kind),
    ),
    ...f.referrals.byAgency.map((a) =>
      row('referrals-by-agency', `  by agency: ${a.name}`, a, a.name, a.agencyId),
    ),
    row('victims-bame', 'Victims Black, Asian or minority ethnic', victims.bame),
    row('victims-lgbt', 'Victims LGBT+', victims.lgbt),
    row('victims-disabled', 'Victims with a disability', victims.disabled),
    row('victims-male', 'Male victims', victims.male),
    row('victims-aged-16-17', 'Victims aged 16 or 17', victims.aged16To17),
    row(
      'perpetrators-aged-17-or-under',
      'Perpetrators aged 17 or under',
      f.perpetrators.aged17OrUnder,
    ),
  ];
}

/** A meeting's record in words: whether its figures are complete. */
export const RECORD_WORDS: Record<MeetingReturn['record'], string> = {
  closed: 'Closed',
  'in-progress': 'Not closed',
  'not-started': 'No record of the meeting',
};

/** A meeting's cases deferred to a later meeting: on its running order, counted where heard. */
export const deferredRow = (deferred: Figure): FigureRow =>
  row('deferred', 'Deferred to a later meeting (not counted)', deferred);

/** The free text left to recode as a category, as rows (the quarter's only). */
export function toRecodeRows(toRecode: DataReturn['toRecode']): FigureRow[] {
  return [
    row('to-recode', 'Ethnicity to recode', toRecode.ethnicity, 'ethnicity'),
    row('to-recode', 'Sexuality to recode', toRecode.sexuality, 'sexuality'),
  ];
}

/** The part of a person figure the record could not answer, if it is one. */
export const notKnownOf = (value: Figure | PersonFigure): number | null =>
  'notKnown' in value ? value.notKnown.count : null;
export const notRecodedOf = (value: Figure | PersonFigure): number | null =>
  'notRecoded' in value && value.notRecoded ? value.notRecoded.count : null;
