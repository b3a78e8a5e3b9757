import { z } from 'zod';
import { idSchema, localDateSchema } from './api.js';
import { ethnicGroupSchema, sexualOrientationSchema } from './equality.js';

/*
 * The coordinator's recode (issue #13): the area's referrals whose ethnicity or sexuality was
 * written in words that name no category of the return, each to be given the category the words
 * mean. The words stay with the referral as "first written as"; the return counts the category.
 */

/** One field of one referral still to recode. */
export const recodeItemSchema = z.strictObject({
  referralId: idSchema,
  reference: z.string(),
  referredOn: localDateSchema,
  field: z.enum(['ethnicity', 'sexuality']),
  /** The words the referrer wrote: for the coordinator's eyes, never logged or audited. */
  asWritten: z.string(),
});
export type RecodeItem = z.infer<typeof recodeItemSchema>;

export const recodeListSchema = z.strictObject({
  areaId: idSchema,
  areaName: z.string(),
  /** Oldest referral first; a referral with both fields to recode has two items. */
  items: z.array(recodeItemSchema),
});
export type RecodeList = z.infer<typeof recodeListSchema>;

/** The category each field now holds: at least one, ids only. */
export const recodeBody = z
  .strictObject({
    ethnicity: ethnicGroupSchema.optional(),
    sexuality: sexualOrientationSchema.optional(),
  })
  .refine((body) => body.ethnicity !== undefined || body.sexuality !== undefined, {
    message: 'choose a category for the ethnicity or the sexuality',
  });
export type RecodeBody = z.infer<typeof recodeBody>;

/** The referral's two fields after the recode: the category, and the words first written. */
export const recodedSchema = z.strictObject({
  referralId: idSchema,
  reference: z.string(),
  ethnicity: z.strictObject({
    category: ethnicGroupSchema.nullable(),
    asWritten: z.string().nullable(),
  }),
  sexuality: z.strictObject({
    category: sexualOrientationSchema.nullable(),
    asWritten: z.string().nullable(),
  }),
});
export type Recoded = z.infer<typeof recodedSchema>;
