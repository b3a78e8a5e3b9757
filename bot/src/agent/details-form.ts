import { referralFormSchema, type ReferralDraft } from '#core/contracts/referral.js';
import type { LocalDate } from '#core/shared/local-date.js';
import { DETAILS_FIELDS as F } from '../cards/details-card.js';
import { issueWords } from './field-words.js';

/**
 * Step 1 of the bot's referral: the card's inputs (strings) into the draft and back. What was
 * typed is kept as typed, refused only by the draft's own limits, and checked for completeness
 * when the referrer moves on.
 */
const step1Schema = referralFormSchema.pick({
  areaId: true,
  referrerAgencyId: true,
  referrerPhone: true,
  victim: true,
  perpetrators: true,
  children: true,
  reasonsForReferral: true,
  professionalJudgement: true,
  incidentsInLast12Months: true,
  consent: true,
});

/** The card's inputs that came with an action, trimmed; empty ones left out. */
export function typedValues(
  data: Record<string, unknown>,
  ids: readonly string[],
): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const id of ids) {
    const value = data[id];
    const text =
      typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
    if (text !== '') raw[id] = text;
  }
  return raw;
}
export const DETAILS_IDS = Object.values(F);

const yesNo = (value: string | undefined) =>
  value === 'yes' ? true : value === 'no' ? false : undefined;
const word = (value: boolean | null | undefined) =>
  value === true ? 'yes' : value === false ? 'no' : undefined;

/** The children list: one a line, "name; relationship to victim; relationship to perpetrator". */
function childrenFrom(text: string | undefined) {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name, toVictim, toPerpetrator] = line
        .split(';')
        .map((part) => part.trim() || undefined);
      return {
        name,
        dateOfBirth: null,
        relationshipToVictim: toVictim,
        relationshipToPerpetrator: toPerpetrator,
        livesInHousehold: true,
      };
    });
}

/** Step 1's inputs laid over the draft so far; what the card does not ask is kept as it was. */
export function draftWithDetails(
  draft: ReferralDraft | null,
  raw: Record<string, string>,
): unknown {
  const line1 = raw[F.victimLine1];
  const town = raw[F.victimTown];
  const postcode = raw[F.victimPostcode];
  const aware = yesNo(raw[F.aware]);
  const incidents = raw[F.incidents];
  const earlier = draft?.perpetrators?.[0];
  return {
    ...draft,
    areaId: raw[F.area],
    referrerAgencyId: raw[F.agency],
    referrerPhone: raw[F.phone],
    victim: {
      ...draft?.victim,
      name: raw[F.victimName],
      dateOfBirth: raw[F.victimDob] ?? null,
      gender: raw[F.victimGender],
      address:
        line1 || town || postcode ? { ...draft?.victim?.address, line1, town, postcode } : null,
      phone: raw[F.victimPhone],
      safeToCall: raw[F.safeToCall],
      ethnicity: raw[F.ethnicity],
      language: raw[F.language],
      disability: raw[F.disability],
      sexuality: raw[F.sexuality],
      interpreterNeeded: yesNo(raw[F.interpreter]),
    },
    perpetrators: [
      {
        ...earlier,
        name: raw[F.perpetratorName],
        dateOfBirth: earlier?.dateOfBirth ?? null,
        gender: raw[F.perpetratorGender],
        relationshipToVictim: raw[F.relationship],
        address: earlier?.address ?? null,
        mappaLevel: raw[F.mappa],
      },
      ...(draft?.perpetrators?.slice(1) ?? []),
    ],
    children: childrenFrom(raw[F.children]),
    reasonsForReferral: raw[F.reasons],
    professionalJudgement: raw[F.judgement],
    incidentsInLast12Months:
      incidents !== undefined && /^\d+$/.test(incidents) ? Number(incidents) : incidents,
    consent: {
      victimAware: aware,
      consented: aware === true ? yesNo(raw[F.consented]) : undefined,
      reasonWithoutConsent: raw[F.reasonWithoutConsent],
    },
  };
}

/** The draft back into step 1's inputs, to carry on with it. */
export function detailsValues(draft: ReferralDraft): Record<string, string> {
  const v = draft.victim;
  const p = draft.perpetrators?.[0];
  const values: Record<string, string | null | undefined> = {
    [F.area]: draft.areaId,
    [F.agency]: draft.referrerAgencyId,
    [F.phone]: draft.referrerPhone,
    [F.victimName]: v?.name,
    [F.victimDob]: v?.dateOfBirth,
    [F.victimGender]: v?.gender,
    [F.victimLine1]: v?.address?.line1,
    [F.victimTown]: v?.address?.town,
    [F.victimPostcode]: v?.address?.postcode,
    [F.victimPhone]: v?.phone,
    [F.safeToCall]: v?.safeToCall,
    [F.ethnicity]: v?.ethnicity,
    [F.language]: v?.language,
    [F.disability]: v?.disability,
    [F.sexuality]: v?.sexuality,
    [F.interpreter]: word(v?.interpreterNeeded),
    [F.perpetratorName]: p?.name,
    [F.perpetratorGender]: p?.gender,
    [F.relationship]: p?.relationshipToVictim,
    [F.mappa]: p?.mappaLevel,
    [F.children]: (draft.children ?? [])
      .map((c) =>
        [c.name, c.relationshipToVictim, c.relationshipToPerpetrator]
          .map((x) => x ?? '')
          .join('; '),
      )
      .join('\n'),
    [F.reasons]: draft.reasonsForReferral,
    [F.judgement]: draft.professionalJudgement,
    [F.incidents]:
      draft.incidentsInLast12Months == null ? undefined : String(draft.incidentsInLast12Months),
    [F.aware]: word(draft.consent?.victimAware),
    [F.consented]: word(draft.consent?.consented),
    [F.reasonWithoutConsent]: draft.consent?.reasonWithoutConsent,
  };
  return Object.fromEntries(
    Object.entries(values).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  );
}

/** Whether step 1 is complete, in words; and what only the server knows (areas, dates). */
export function detailsProblems(
  draft: ReferralDraft,
  offer: { areas: { id: string }[]; agencies: { id: string; areaId: string }[] },
  today: LocalDate,
): string[] {
  const step1 = Object.fromEntries(
    Object.keys(step1Schema.shape).map((key) => [key, draft[key as keyof ReferralDraft]]),
  );
  const parsed = step1Schema.safeParse(step1);
  const errors = parsed.success ? [] : parsed.error.issues.map((issue) => issueWords(issue, step1));
  if (!offer.areas.some((a) => a.id === draft.areaId))
    errors.push('MARAC area: choose an area you refer in');
  const agency = draft.referrerAgencyId;
  if (agency && !offer.agencies.some((a) => a.id === agency && a.areaId === draft.areaId)) {
    errors.push('Your agency: choose an agency that sits on the chosen area');
  }
  const dob = draft.victim?.dateOfBirth;
  if (dob && dob > today) errors.push('Victim date of birth: is in the future; check the year');
  return [...new Set(errors)];
}
