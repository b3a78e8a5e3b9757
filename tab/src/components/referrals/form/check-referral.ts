import { fieldName } from './field-names.js';
import type { ReferralDraft } from './referral-draft.js';

/**
 * The tab's own check of a referral before it is sent, in the words the person reads: each
 * message names the field and says what to do. The server checks again with the same rules; its
 * limits are the contract's (core/contracts/referral.ts). Drafts are checked only for what the
 * server would refuse even in a draft (text over its limit, a date that cannot be right).
 */
export interface Problem {
  path: string;
  message: string;
}

const UK_POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i;
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/g;
const count = (n: number) => n.toLocaleString('en-GB');

const digits = (phone: string) => phone.replace(/\D/g, '').length;
function phoneLooksRight(phone: string): boolean {
  if (!/^\+?[\d\s()-]+$/.test(phone)) return false;
  if (phone.startsWith('+')) return digits(phone) >= 8 && digits(phone) <= 15;
  return /^0/.test(phone.replace(/[\s()-]/g, '')) && [10, 11].includes(digits(phone));
}

function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-');
  return `${String(Number(y) - years).padStart(4, '0')}-${m}-${d}`;
}

const isRealDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

class Checker {
  readonly problems: Problem[] = [];
  constructor(
    readonly today: string,
    readonly complete: boolean,
  ) {}

  add(path: string, instruction: string) {
    if (this.problems.some((p) => p.path === path)) return;
    this.problems.push({ path, message: `${fieldName(path) ?? 'This answer'}: ${instruction}` });
  }

  text(
    path: string,
    value: string,
    max: number,
    opts: { required?: boolean; name?: boolean } = {},
  ) {
    const trimmed = value.trim();
    if (trimmed === '') {
      if (opts.required && this.complete) this.add(path, 'fill this in');
      return;
    }
    if (trimmed.length > max) this.add(path, `use ${count(max)} characters or fewer`);
    else if (opts.name && !/\p{L}/u.test(trimmed.replace(INVISIBLE, '')))
      this.add(path, 'use letters, not only spaces or symbols');
  }

  names(path: string, value: string) {
    const list = value
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    if (list.length > 5) this.add(path, 'give 5 other names or fewer');
    else if (list.some((n) => n.length > 120))
      this.add(path, 'use 120 characters or fewer for each name');
  }

  choice(path: string, value: string) {
    if (value === '' && this.complete) this.add(path, 'choose an answer');
  }

  phone(path: string, value: string, required = false) {
    this.text(path, value, 30, { required });
    if (value.trim() !== '' && value.trim().length <= 30 && !phoneLooksRight(value.trim()))
      this.add(
        path,
        'use a UK phone number such as 01632 960001, or an international one starting with +',
      );
  }

  postcode(path: string, value: string) {
    if (value.trim() !== '' && !UK_POSTCODE.test(value.trim()))
      this.add(path, 'use a UK postcode such as NB4 7QX');
  }

  date(path: string, value: string, rule: 'victim' | 'adult' | 'child' | 'past') {
    if (value.trim() === '') return;
    if (!isRealDate(value)) return this.add(path, 'enter a real date, for example 27 3 1990');
    if (value > this.today) return this.add(path, 'the date cannot be in the future');
    if (rule !== 'past' && value < '1900-01-01') return this.add(path, 'enter a date after 1900');
    if (rule === 'victim' && value > yearsBefore(this.today, 16))
      this.add(
        path,
        'the victim must be 16 or over; for someone younger, refer to children’s services',
      );
    if (rule === 'child' && value <= yearsBefore(this.today, 18))
      this.add(path, 'a child must be under 18; add an adult in the notes instead');
  }
}

/** Problems with the referral, in the order of the form. `complete` for a submission. */
export function checkReferral(d: ReferralDraft, today: string, complete: boolean): Problem[] {
  const c = new Checker(today, complete);
  const v = d.victim;
  c.choice('areaId', d.areaId);
  c.choice('referrerAgencyId', d.referrerAgencyId);
  c.phone('referrerPhone', d.referrerPhone, true);
  c.text('victim.name', v.name, 120, { required: true, name: true });
  c.names('victim.otherNames', v.otherNames);
  c.date('victim.dateOfBirth', v.dateOfBirth, 'victim');
  c.choice('victim.gender', v.gender);
  const hasAddress = [v.line1, v.line2, v.town, v.postcode].some((x) => x.trim() !== '');
  c.text('victim.address.line1', v.line1, 120, { required: hasAddress });
  c.text('victim.address.line2', v.line2, 120);
  c.text('victim.address.town', v.town, 80, { required: hasAddress });
  c.postcode('victim.address.postcode', v.postcode);
  c.phone('victim.phone', v.phone);
  c.text('victim.safeContactNotes', v.safeContactNotes, 500);
  // Ethnicity and sexuality are chosen from the categories: nothing to check.
  c.text('victim.language', v.language, 60);
  d.perpetrators.forEach((p, i) => {
    const at = (f: string) => `perpetrators.${i}.${f}`;
    c.text(at('name'), p.name, 120, { required: true, name: true });
    c.names(at('otherNames'), p.otherNames);
    c.date(at('dateOfBirth'), p.dateOfBirth, 'adult');
    c.choice(at('gender'), p.gender);
    c.choice(at('relationshipToVictim'), p.relationshipToVictim);
    c.choice(at('mappaLevel'), p.mappaLevel);
    const hasPlace = [p.line1, p.town, p.postcode].some((x) => x.trim() !== '');
    c.text(at('address.line1'), p.line1, 120, { required: hasPlace });
    c.text(at('address.town'), p.town, 80, { required: hasPlace });
    c.postcode(at('address.postcode'), p.postcode);
  });
  d.children.forEach((ch, i) => {
    const at = (f: string) => `children.${i}.${f}`;
    c.text(at('name'), ch.name, 120, { required: true, name: true });
    c.date(at('dateOfBirth'), ch.dateOfBirth, 'child');
    c.text(at('relationshipToVictim'), ch.relationshipToVictim, 60, { required: true });
    c.text(at('relationshipToPerpetrator'), ch.relationshipToPerpetrator, 60, { required: true });
    c.text(at('school'), ch.school, 120);
  });
  c.text('reasonsForReferral', d.reasonsForReferral, 4000, { required: true });
  c.date('riskAssessment.completedOn', d.completedOn, 'past');
  if (d.riskKind === 'dara') c.choice('riskAssessment.outcome', d.daraOutcome);
  c.text('professionalJudgement', d.professionalJudgement, 4000);
  const incidents = d.incidentsInLast12Months.trim();
  if (incidents !== '' && !(/^\d+$/.test(incidents) && Number(incidents) <= 365))
    c.add('incidentsInLast12Months', 'enter a whole number from 0 to 365');
  c.choice('consent.victimAware', d.victimAware);
  if (d.victimAware === 'yes') c.choice('consent.consented', d.consented);
  const withoutConsent = d.victimAware === 'no' || d.consented === 'no';
  c.text('consent.reasonWithoutConsent', d.reasonWithoutConsent, 1000, {
    required: withoutConsent,
  });
  c.text('victimFears', d.victimFears, 2000);
  c.text('safeToContact', d.safeToContact, 2000);
  c.text('notSafeToContact', d.notSafeToContact, 2000);
  c.text('previousMaracsElsewhere', d.previousMaracsElsewhere, 2000);
  return c.problems;
}
