import { isPossiblePhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';

/**
 * Rules for the text people type, shared by the server and the tab. Each rule's message says
 * what to do, without the field's name: the API puts the field's label in front of it
 * (`field-labels.ts`), so the words read "Victim's postcode: use a UK postcode such as NB4 7QX".
 * A value over its limit is refused with the limit named, never cut.
 */

/** Zero-width spaces and joiners, soft hyphens, direction marks: they show as nothing. */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/gu;

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A person's name: it must hold a letter, not only spaces, punctuation or invisible characters. */
export const personName = (max: number) =>
  text(max).refine((value) => /\p{L}/u.test(value.replace(INVISIBLE, '')), {
    message: 'use letters: a name cannot be only spaces, symbols or invisible characters',
  });

/** UK postcodes in every official shape (A9 9AA to AA9A 9AA), and GIR 0AA; any case, one space or none. */
const UK_POSTCODE = /^(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}$/i;
export const postcode = z
  .string()
  .trim()
  .max(10)
  .refine((value) => value === '' || UK_POSTCODE.test(value), {
    message: 'use a UK postcode such as NB4 7QX',
  });

/**
 * A UK number (01632 960001, 07700 900123) or an international one starting with + (+33 1 23 45
 * 67 89). Checked for shape and length, not that the number is in service: fictional ranges pass.
 */
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;
const PHONE_MESSAGE =
  'use a UK phone number such as 01632 960001, or an international one starting with +';
export const isPhoneNumber = (value: string) =>
  PHONE_CHARACTERS.test(value) && isPossiblePhoneNumber(value, 'GB');
export const phone = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .refine(isPhoneNumber, { message: PHONE_MESSAGE });
export const optionalPhone = z
  .string()
  .trim()
  .max(30)
  .refine((value) => value === '' || isPhoneNumber(value), { message: PHONE_MESSAGE })
  .optional();
