import {
  MessageFactory,
  type AgentApplication,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { LocalDate } from '#core/shared/local-date.js';
import { referralFormSchema, type ReferralForm } from '#core/contracts/referral.js';
import { assessReferral, settingsOf } from '#core/referrals/assess-referral.js';
import {
  CHILDRENS_SERVICES_MESSAGE,
  MAPPA_LEAD_MESSAGE,
  needsChildrensServicesConfirmation,
} from '#core/referrals/flags.js';
import { findQuestionSet, type QuestionSet } from '#core/referrals/question-sets.js';
import { submitReferral } from '#core/referrals/submit-referral.js';
import { londonToday } from '#core/scheduling/area-calendar.js';
import { DomainError } from '#core/shared/errors.js';
import type { Principal } from '../auth/people.js';
import { depsFor, type Services } from '../http/services.js';
import { CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/card-types.js';
import {
  confirmCard,
  dashInputId,
  dashPageCard,
  detailsCard,
  DETAILS_FIELDS as F,
  noticeCard,
  receiptCard,
  type Answer,
  type Carry,
} from '../cards/referral-cards.js';
import { REFERRAL_VERBS } from '../cards/verbs.js';
import { principalOfActivity } from './teams-person.js';

const REFERRING = new Set(['coordinator', 'chair', 'rep', 'idva', 'admin']);
const PAGE_SIZE = 8;
export const START_WORDS = /^\s*(refer|refer a case)\s*[.!]?\s*$/i;
export const PERSONAL_ONLY =
  'Referrals hold personal data, so I only take them in our 1:1 chat. Open a chat with me and send "refer".';
const NOT_KNOWN_PERSON =
  'I cannot match your Teams account to a MARAC user. Sign in to the MARAC tab once, then try again.';
const NO_AREA = 'You do not hold a role in any MARAC area that takes referrals.';

/** The step 1 fields of the form: the contract's own sub-schemas, so the card and the API agree. */
const detailsSchema = referralFormSchema.pick({
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
type Details = z.infer<typeof detailsSchema>;

/** Where each schema path is on the card: errors name the label the referrer sees. */
const LABELS: [string, string][] = [
  ['areaId', 'MARAC area'],
  ['referrerAgencyId', 'Your agency'],
  ['referrerPhone', 'Your phone number'],
  ['victim.name', 'Victim name'],
  ['victim.dateOfBirth', 'Victim date of birth'],
  ['victim.gender', 'Victim gender'],
  ['victim.address.line1', 'Victim address line 1'],
  ['victim.address.town', 'Victim town'],
  ['victim.address.postcode', 'Victim postcode'],
  ['victim.address', 'Victim address'],
  ['victim.safeToCall', 'Safe to call the victim'],
  ['victim.disability', 'Victim has a disability'],
  ['victim.interpreterNeeded', 'Interpreter'],
  ['perpetrators.0.name', 'Perpetrator name'],
  ['perpetrators.0.gender', 'Perpetrator gender'],
  ['perpetrators.0.relationshipToVictim', 'Relationship to the victim'],
  ['perpetrators.0.mappaLevel', 'MAPPA level'],
  ['perpetrators', 'Perpetrator'],
  ['children', 'Children in the household'],
  ['reasonsForReferral', 'Reasons for referral'],
  ['professionalJudgement', 'Professional judgement'],
  ['incidentsInLast12Months', 'Domestic abuse incidents in the last 12 months'],
  ['consent.reasonWithoutConsent', 'Reason for referring without awareness or consent'],
  ['consent', 'Victim is aware of the referral'],
  ['childrensServicesReferralMade', "Children's services"],
  ['riskAssessment', 'Risk checklist'],
];

export function labelFor(path: string): string {
  const children = /^children\.(\d+)/.exec(path);
  if (children) return `Children in the household, line ${Number(children[1]) + 1}`;
  return LABELS.find(([p]) => path === p || path.startsWith(`${p}.`))?.[1] ?? path;
}

const issueText = (issue: z.core.$ZodIssue): string => {
  const path = issue.path.map(String).join('.');
  const why =
    issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
  return `${labelFor(path)}: ${why}`;
};
const problemsText = (problems: readonly { path: string; message: string }[]) =>
  problems.map((p) => `${labelFor(p.path)}: ${p.message}`);

const str = (data: Record<string, unknown>, key: string): string => {
  const value = data[key];
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
};
const opt = (value: string) => (value === '' ? undefined : value);

/** Step 1's inputs as strings, to refill the card after a refusal. */
function rawDetails(data: Record<string, unknown>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const id of Object.values(F)) {
    const value = str(data, id);
    if (value !== '') raw[id] = value;
  }
  return raw;
}

/** The children list: one a line, "name; relationship to victim; relationship to perpetrator". */
function parseChildren(textValue: string) {
  return textValue
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name = '', toVictim = '', toPerpetrator = ''] = line
        .split(';')
        .map((part) => part.trim());
      return {
        name,
        dateOfBirth: null,
        relationshipToVictim: toVictim,
        relationshipToPerpetrator: toPerpetrator,
        livesInHousehold: true,
      };
    });
}

/** Builds the step 1 part of the form from the card's inputs (strings), unvalidated. */
function detailsFrom(raw: Record<string, string>): unknown {
  const line1 = raw[F.victimLine1] ?? '';
  const town = raw[F.victimTown] ?? '';
  const postcode = raw[F.victimPostcode] ?? '';
  const aware = raw[F.aware];
  const incidents = raw[F.incidents];
  return {
    areaId: raw[F.area],
    referrerAgencyId: raw[F.agency],
    referrerPhone: raw[F.phone],
    victim: {
      name: raw[F.victimName],
      otherNames: [],
      dateOfBirth: raw[F.victimDob] ?? null,
      gender: raw[F.victimGender],
      address:
        line1 || town || postcode ? { line1, town, ...(postcode ? { postcode } : {}) } : null,
      safeToCall: raw[F.safeToCall],
      disability: raw[F.disability],
      interpreterNeeded: raw[F.interpreter] === 'true',
    },
    perpetrators: [
      {
        name: raw[F.perpetratorName],
        otherNames: [],
        dateOfBirth: null,
        gender: raw[F.perpetratorGender],
        relationshipToVictim: raw[F.relationship],
        address: null,
        mappaLevel: raw[F.mappa],
      },
    ],
    children: parseChildren(raw[F.children] ?? ''),
    reasonsForReferral: raw[F.reasons],
    ...(raw[F.judgement] ? { professionalJudgement: raw[F.judgement] } : {}),
    incidentsInLast12Months:
      incidents === undefined || !/^\d+$/.test(incidents) ? incidents : Number(incidents),
    consent:
      aware === 'yes'
        ? {
            victimAware: true,
            consented: raw[F.consented] === 'true',
            ...(opt(raw[F.reasonWithoutConsent] ?? '')
              ? { reasonWithoutConsent: raw[F.reasonWithoutConsent] }
              : {}),
          }
        : aware === 'no'
          ? { victimAware: false, reasonWithoutConsent: raw[F.reasonWithoutConsent] ?? '' }
          : undefined,
  };
}

interface Offer {
  areas: { id: string; name: string }[];
  agencies: { id: string; name: string; areaId: string; areaName: string }[];
}

async function offerFor(s: Services, principal: Principal): Promise<Offer> {
  const areas = new Map<string, string>();
  for (const r of principal.roles) if (REFERRING.has(r.role)) areas.set(r.areaId, r.areaName);
  const agencies: Offer['agencies'] = [];
  await s.uow.run(async (repos) => {
    for (const [areaId, areaName] of areas) {
      for (const a of await repos.areas.agencies(areaId))
        agencies.push({ id: a.id, name: a.name, areaId, areaName });
    }
  });
  return { areas: [...areas].map(([id, name]) => ({ id, name })), agencies };
}

async function questionSetFor(s: Services, areaId: string): Promise<QuestionSet> {
  const area = await s.uow.run((repos) => repos.areas.get(areaId));
  const set = area ? findQuestionSet(settingsOf(area).questionSet) : null;
  if (!set) throw new DomainError('CONFLICT', "The area's risk checklist is not loaded.");
  return set;
}

const totalSteps = (set: QuestionSet) => 1 + Math.ceil(set.questions.length / PAGE_SIZE) + 1;

/** Validates step 1: the contract's schema, then what only the server knows (areas, dates). */
function checkDetails(
  raw: Record<string, string>,
  offer: Offer,
  today: LocalDate,
): { ok: true; details: Details } | { ok: false; errors: string[] } {
  const parsed = detailsSchema.safeParse(detailsFrom(raw));
  const errors: string[] = parsed.success ? [] : parsed.error.issues.map(issueText);
  const areaId = raw[F.area];
  if (areaId && !offer.areas.some((a) => a.id === areaId))
    errors.push(`${labelFor('areaId')}: you do not refer in that area`);
  const agencyId = raw[F.agency];
  if (areaId && agencyId && !offer.agencies.some((a) => a.id === agencyId && a.areaId === areaId)) {
    errors.push(`${labelFor('referrerAgencyId')}: that agency does not sit on the chosen area`);
  }
  const dob = raw[F.victimDob];
  if (dob && dob > today) errors.push(`${labelFor('victim.dateOfBirth')}: is in the future`);
  if (!parsed.success || errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, details: parsed.data };
}

const carrySchema = z.strictObject({
  details: z.record(z.string(), z.unknown()),
  answers: z.record(z.string(), z.enum(['yes', 'no', 'not-known'])),
  raw: z.record(z.string(), z.string()).optional(),
});

/** The inputs and the carried answers of an Action.Execute; with 1.8.1 the inputs are in `data`. */
function actionData(action: unknown): Record<string, unknown> {
  const data = (action as { data?: unknown } | null)?.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function formOf(
  carry: Carry,
  set: QuestionSet,
  today: LocalDate,
  childrensServices: boolean | null,
): ReferralForm {
  return referralFormSchema.parse({
    ...carry.details,
    riskAssessment: {
      kind: 'dash',
      questionSet: set.id,
      answers: carry.answers,
      completedOn: today,
    },
    childrensServicesReferralMade: childrensServices,
  });
}

export const attachment = (content: AdaptiveCard) => ({ contentType: CARD_CONTENT_TYPE, content });

/** "Refer a case": the cards, their handlers, and the word that starts it. */
export function registerReferralFlow(app: AgentApplication<TurnState>, s: Services): void {
  const today = () => londonToday(s.clock.now());

  /** Who is acting, in a 1:1 chat only; a refusal message otherwise. */
  async function actor(
    context: TurnContext,
  ): Promise<{ principal: Principal; offer: Offer } | string> {
    if (context.activity.conversation?.conversationType !== 'personal') return PERSONAL_ONLY;
    const principal = await principalOfActivity(s, context.activity);
    if (!principal) return NOT_KNOWN_PERSON;
    const offer = await offerFor(s, principal);
    if (offer.areas.length === 0) return NO_AREA;
    return { principal, offer };
  }

  app.onMessage(START_WORDS, async (context) => {
    const who = await actor(context);
    if (typeof who === 'string') {
      await context.sendActivity(who);
      return;
    }
    const set = await questionSetFor(s, who.offer.areas[0]!.id);
    await context.sendActivity(
      MessageFactory.attachment(
        attachment(detailsCard({ ...who.offer, totalSteps: totalSteps(set) })),
      ),
    );
  });

  /** Runs a step: refusals and unexpected errors become a card, never a half-written record. */
  const step =
    (
      handler: (
        who: { principal: Principal; offer: Offer },
        data: Record<string, unknown>,
        context: TurnContext,
      ) => Promise<AdaptiveCard>,
    ) =>
    async (context: TurnContext, _state: TurnState, action: unknown): Promise<AdaptiveCard> => {
      const who = await actor(context);
      if (typeof who === 'string') return noticeCard(who);
      return handler(who, actionData(action), context);
    };

  app.adaptiveCards.actionExecute(
    REFERRAL_VERBS.details,
    step(async (who, data) => {
      const raw = rawDetails(data);
      const checked = checkDetails(raw, who.offer, today());
      const areaId =
        raw[F.area] && who.offer.areas.some((a) => a.id === raw[F.area])
          ? raw[F.area]!
          : who.offer.areas[0]!.id;
      const set = await questionSetFor(s, areaId);
      if (!checked.ok)
        return detailsCard({
          ...who.offer,
          values: raw,
          errors: checked.errors,
          totalSteps: totalSteps(set),
        });
      const carry: Carry = {
        details: checked.details as unknown as Record<string, unknown>,
        answers: {},
        raw,
      };
      return dashPageCard({
        set,
        page: 0,
        pageSize: PAGE_SIZE,
        carry,
        totalSteps: totalSteps(set),
      });
    }),
  );

  app.adaptiveCards.actionExecute(
    REFERRAL_VERBS.dash,
    step(async (who, data) => {
      const carried = carrySchema.safeParse(data.carry);
      const page = typeof data.page === 'number' ? data.page : -1;
      if (!carried.success || page < 0)
        return noticeCard('This card has expired. Send "refer" to start again.');
      const carry: Carry = carried.data;
      const details = detailsSchema.safeParse(carry.details);
      if (!details.success || !who.offer.areas.some((a) => a.id === details.data.areaId)) {
        return noticeCard('This card has expired. Send "refer" to start again.');
      }
      const set = await questionSetFor(s, details.data.areaId);
      const questions = set.questions.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
      const answer = z.enum(['yes', 'no', 'not-known']);
      const errors: string[] = [];
      const values: Record<string, string> = {};
      const answers: Record<string, Answer> = { ...carry.answers };
      questions.forEach((q, i) => {
        const value = str(data, dashInputId(q.id));
        if (value) values[dashInputId(q.id)] = value;
        const parsed = answer.safeParse(value);
        if (parsed.success) answers[q.id] = parsed.data;
        else
          errors.push(
            `Question ${page * PAGE_SIZE + i + 1}: needs an answer: yes, no or not known`,
          );
      });
      if (errors.length > 0)
        return dashPageCard({
          set,
          page,
          pageSize: PAGE_SIZE,
          carry,
          values,
          errors,
          totalSteps: totalSteps(set),
        });
      const next: Carry = { ...carry, answers };
      if ((page + 1) * PAGE_SIZE < set.questions.length) {
        return dashPageCard({
          set,
          page: page + 1,
          pageSize: PAGE_SIZE,
          carry: next,
          totalSteps: totalSteps(set),
        });
      }
      return confirmation(who.offer, next, set, []);
    }),
  );

  /** Scores the referral without storing anything, and shows what submitting would raise. */
  async function confirmation(
    offer: Offer,
    carry: Carry,
    set: QuestionSet,
    errors: string[],
  ): Promise<AdaptiveCard> {
    const day = today();
    let form: ReferralForm;
    try {
      form = formOf(carry, set, day, null);
    } catch (error) {
      if (error instanceof z.ZodError)
        return noticeCard(
          `The referral is not complete: ${error.issues.map(issueText).join('; ')}`,
        );
      throw error;
    }
    let assessment: Awaited<ReturnType<typeof preview>>;
    try {
      assessment = await preview(form, day);
    } catch (error) {
      // What only the whole form shows (a consent reason, a judgement's rationale): back to step 1.
      if (
        error instanceof DomainError &&
        error.code === 'VALIDATION_FAILED' &&
        error.details?.length
      ) {
        return detailsCard({
          ...offer,
          values: carry.raw ?? {},
          errors: problemsText(error.details),
          totalSteps: totalSteps(set),
        });
      }
      throw error;
    }
    const needsChildrensServices = needsChildrensServicesConfirmation(
      { band: assessment.risk.band, criteriaMet: assessment.criteria.criteriaMet },
      form.children,
    );
    const warnings = [
      ...(assessment.duplicates.length > 0
        ? [
            'A referral for this person may already have been made. Please contact your MARAC coordinator before you do anything else.',
          ]
        : []),
      ...(assessment.mappaLead ? [MAPPA_LEAD_MESSAGE] : []),
      ...(form.perpetrators.some((p) => p.mappaLevel === 'not-known')
        ? ['The MAPPA level is not known: please ask probation or the police.']
        : []),
      ...(needsChildrensServices ? [CHILDRENS_SERVICES_MESSAGE] : []),
    ];
    return confirmCard({
      risk: {
        score: assessment.risk.score,
        band: assessment.risk.band,
        criteriaMet: assessment.criteria.criteriaMet,
        shortfall: assessment.criteria.shortfall,
      },
      likelyDuplicate: assessment.duplicates.length > 0,
      warnings,
      needsChildrensServices,
      carry,
      errors,
      totalSteps: totalSteps(set),
    });
  }

  /**
   * Scores the form as submitting would, reading only. The children's services confirmation is
   * taken as given here: whether it is needed is what the preview is for.
   */
  async function preview(form: ReferralForm, day: LocalDate) {
    return s.uow.run(async (repos) => {
      const area = await repos.areas.get(form.areaId);
      if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
      return assessReferral(repos, {
        area,
        form: { ...form, childrensServicesReferralMade: true },
        today: day,
      });
    });
  }

  const finish = (submit: boolean) =>
    step(async (who, data, context) => {
      const carried = carrySchema.safeParse(data.carry);
      if (!carried.success)
        return noticeCard('This card has expired. Send "refer" to start again.');
      const carry: Carry = carried.data;
      const details = detailsSchema.safeParse(carry.details);
      if (!details.success || !who.offer.areas.some((a) => a.id === details.data.areaId)) {
        return noticeCard('This card has expired. Send "refer" to start again.');
      }
      const set = await questionSetFor(s, details.data.areaId);
      const toggle = str(data, 'childrensServicesReferralMade');
      const base = formOf(carry, set, today(), null);
      let assessment: Awaited<ReturnType<typeof preview>>;
      try {
        assessment = await preview(base, today());
      } catch (error) {
        if (error instanceof DomainError && error.code === 'VALIDATION_FAILED')
          return confirmation(who.offer, carry, set, []);
        throw error;
      }
      const needed = needsChildrensServicesConfirmation(
        { band: assessment.risk.band, criteriaMet: assessment.criteria.criteriaMet },
        base.children,
      );
      const form: ReferralForm = {
        ...base,
        childrensServicesReferralMade: needed ? toggle === 'true' : null,
      };
      try {
        const result = await submitReferral(
          depsFor(s, { principal: who.principal, correlationId: context.activity.id ?? 'bot' }),
          {
            referrerPersonId: who.principal.personId,
            form,
            submit,
          },
        );
        return receiptCard({
          reference: result.referral.reference,
          status: result.referral.status,
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
          return confirmation(
            who.offer,
            carry,
            set,
            error.details?.length ? problemsText(error.details) : [error.message],
          );
        }
        throw error;
      }
    });

  app.adaptiveCards.actionExecute(REFERRAL_VERBS.submit, finish(true));
  app.adaptiveCards.actionExecute(REFERRAL_VERBS.saveDraft, finish(false));
}
