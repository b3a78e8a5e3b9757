import type { ReferralForm } from '../contracts/referral.js';
import type { LocalDate } from '../shared/local-date.js';
import { EARLIEST_BIRTH_DATE } from '../shared/date-bounds.js';
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

/** A child, for MARAC, is under 18: an older "child" is an adult of the household. */
export const CHILD_MAX_AGE = 18;

/** Born after 1900 and not in the future: anything else is a slip of the keyboard. */
function checkBorn(dob: LocalDate | null, path: string, today: LocalDate, out: FormCheck): boolean {
  if (dob === null) return false;
  if (dob > today) {
    out.errors.push({ path, message: 'enter a date in the past: this one is in the future' });
    return false;
  }
  if (dob < EARLIEST_BIRTH_DATE) {
    out.errors.push({ path, message: 'enter a date after 1900: check the year' });
    return false;
  }
  return true;
}

/** Victim: born, and 16 or over. Perpetrators: born. Children: born, and under 18. */
export function checkPeople(form: ReferralForm, today: LocalDate, out: FormCheck): void {
  const victimDob = form.victim.dateOfBirth;
  if (
    checkBorn(victimDob, 'victim.dateOfBirth', today, out) &&
    ageOn(victimDob!, today) < MIN_AGE
  ) {
    out.errors.push({ path: 'victim.dateOfBirth', message: UNDER_16_MESSAGE });
  }
  form.perpetrators.forEach((perpetrator, index) => {
    const path = `perpetrators.${index}.dateOfBirth`;
    const dob = perpetrator.dateOfBirth;
    // A warning, not an error: the coordinator decides, and the child needs safeguarding anyway.
    if (checkBorn(dob, path, today, out) && ageOn(dob!, today) < MIN_AGE) {
      out.warnings.push({
        path,
        message:
          'The person causing harm is under 16, so this is not domestic abuse as the Domestic ' +
          "Abuse Act 2021 defines it. Talk to the coordinator and to children's services.",
      });
    }
  });
  form.children.forEach((child, index) => {
    const path = `children.${index}.dateOfBirth`;
    if (
      checkBorn(child.dateOfBirth, path, today, out) &&
      ageOn(child.dateOfBirth!, today) >= CHILD_MAX_AGE
    ) {
      out.errors.push({
        path,
        message: `enter the date of a child under ${CHILD_MAX_AGE}; someone older is an adult of the household, so name them in the reasons for referral`,
      });
    }
  });
}
