import type { ReferralForm } from '../contracts/referral.js';
import type { LocalDate } from '../shared/local-date.js';
import { ageOn } from '../shared/local-date-months.js';

/**
 * Checks on the people in a referral that the schema cannot make: dates of birth against today,
 * and the ages MARAC is for. `today` is passed in: core has no clock.
 */
export type Problem = { path: string; message: string };
export type FormCheck = { errors: Problem[]; warnings: Problem[] };

/** MARAC hears adult victims; the Domestic Abuse Act 2021 definition needs both people 16+. */
export const MIN_AGE = 16;

export const UNDER_16_MESSAGE =
  'The victim is under 16. MARAC is for victims aged 16 or over: refer a younger victim to ' +
  "children's services under child safeguarding procedures instead.";

function checkNotFuture(dob: LocalDate | null, path: string, today: LocalDate, out: FormCheck) {
  if (dob !== null && dob > today) {
    out.errors.push({ path, message: 'The date of birth is in the future; check the year.' });
  }
}

/** Victim: born, and 16 or over. Perpetrators and children: born. */
export function checkPeople(form: ReferralForm, today: LocalDate, out: FormCheck): void {
  const victimDob = form.victim.dateOfBirth;
  checkNotFuture(victimDob, 'victim.dateOfBirth', today, out);
  if (victimDob !== null && victimDob <= today && ageOn(victimDob, today) < MIN_AGE) {
    out.errors.push({ path: 'victim.dateOfBirth', message: UNDER_16_MESSAGE });
  }
  form.perpetrators.forEach((perpetrator, index) => {
    const path = `perpetrators.${index}.dateOfBirth`;
    const dob = perpetrator.dateOfBirth;
    checkNotFuture(dob, path, today, out);
    // A warning, not an error: the coordinator decides, and the child needs safeguarding anyway.
    if (dob !== null && dob <= today && ageOn(dob, today) < MIN_AGE) {
      out.warnings.push({
        path,
        message:
          'The person causing harm is under 16, so this is not domestic abuse as the Domestic ' +
          "Abuse Act 2021 defines it. Talk to the coordinator and to children's services.",
      });
    }
  });
  form.children.forEach((child, index) => {
    checkNotFuture(child.dateOfBirth, `children.${index}.dateOfBirth`, today, out);
  });
}
