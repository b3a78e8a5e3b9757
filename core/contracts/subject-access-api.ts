import { z } from 'zod';
import { idSchema, localDateSchema } from './api.js';
import { personName, postcode } from './field-rules.js';

/*
 * Subject access (issue #13, item 4): a person asks, under the UK GDPR, for everything the
 * partnership holds about them. The coordinator identifies them and gets a PDF listing every item
 * held, each with the agency that provided it, to review before anything is disclosed.
 *
 *   POST /api/areas/{areaId}/subject-access   coordinator only. The answer is the PDF
 *                                             (application/pdf), or, while records that may be
 *                                             the person's are not yet confirmed or ruled out,
 *                                             this JSON listing them (`outcome: candidates`).
 *
 * The PDF's answer says in two headers how many cases and items it lists (0 and 0 when nothing
 * is held about the person: the PDF then records the search), so the tab can say what was
 * produced without reading it.
 */
export const CASES_HEADER = 'Marac-Cases-Found';
export const ITEMS_HEADER = 'Marac-Items-Listed';

/** A case reference as the app gives them: the area's code, the year, a number (NBW-2026-0007). */
export const caseReferenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,8}-\d{4}-\d{4,6}$/, 'use a case reference such as NBW-2026-0007');

/** The person as they identify themselves: the name and date of birth, and a postcode if known. */
export const subjectPersonSchema = z.strictObject({
  name: personName(120),
  /** Names they have also been known by (a previous surname): matched like the name. */
  otherNames: z.array(personName(120)).max(5).default([]),
  dateOfBirth: localDateSchema,
  /** Their postcode, when they give one: a record with another postcode is only a candidate. */
  postcode: postcode.optional(),
});
export type SubjectPerson = z.infer<typeof subjectPersonSchema>;

/** The coordinator's answer about one candidate case: it is this person's, or it is not. */
export const subjectDecisionSchema = z.strictObject({
  caseId: idSchema,
  include: z.boolean(),
});

export const subjectAccessBody = z
  .strictObject({
    /** Name, date of birth and postcode; or `reference` instead. */
    person: subjectPersonSchema.optional(),
    /** A reference of one of the person's cases, from a letter the person holds, say. */
    reference: caseReferenceSchema.optional(),
    /** Decisions on the candidates of an earlier answer (by case): none the first time. */
    decisions: z.array(subjectDecisionSchema).max(200).default([]),
  })
  .superRefine((body, ctx) => {
    if (Boolean(body.person) === Boolean(body.reference)) {
      ctx.addIssue({
        code: 'custom',
        path: body.person ? ['reference'] : ['person'],
        message: body.person
          ? 'remove the case reference, or the person: give one of them'
          : 'give the person (name and date of birth) or a case reference',
      });
    }
  });
export type SubjectAccessBody = z.infer<typeof subjectAccessBody>;

/** How one part of a candidate's recorded details compares with what was given: never the value. */
export const agreementSchema = z.enum(['same', 'similar', 'different', 'not recorded']);

export const subjectCandidateSchema = z.strictObject({
  caseId: idSchema,
  areaName: z.string(),
  referrals: z.array(
    z.strictObject({
      referralId: idSchema,
      reference: z.string(),
      referredOn: localDateSchema,
      status: z.string(),
      /** The victim as the referral recorded them, for the coordinator to compare. */
      victim: z.strictObject({
        name: z.string(),
        otherNames: z.array(z.string()),
        dateOfBirth: localDateSchema.nullable(),
        postcode: z.string().nullable(),
      }),
      agreement: z.strictObject({
        name: agreementSchema,
        dateOfBirth: agreementSchema,
        postcode: agreementSchema,
      }),
    }),
  ),
});
export type SubjectCandidate = z.infer<typeof subjectCandidateSchema>;

/** The answer while candidates wait for the coordinator's decision: nothing has been produced. */
export const subjectCandidatesSchema = z.strictObject({
  outcome: z.literal('candidates'),
  message: z.string(),
  /** Cases that are the person's already (exact matches, the reference's case, confirmed). */
  found: z.array(
    z.strictObject({ caseId: idSchema, areaName: z.string(), references: z.array(z.string()) }),
  ),
  candidates: z.array(subjectCandidateSchema),
});
export type SubjectCandidatesView = z.infer<typeof subjectCandidatesSchema>;
