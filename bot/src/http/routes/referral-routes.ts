import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import {
  acceptOutcomeSchema,
  acceptReferralBody,
  duplicateDecisionBody,
  mappaLinkBody,
  myReferralSchema,
  queueItemSchema,
  questionSetViewSchema,
  referralDecisionBody,
  referralDetailSchema,
  referralDraftDetailSchema,
  referralReceiptSchema,
  riskSettingsBody,
  riskSettingsView,
  submitReferralBody,
  type ReferralForm,
} from '#core/contracts/referral.js';
import type { ReferralRecord } from '#core/ports/referrals.js';
import { settingsOf } from '#core/referrals/assess-referral.js';
import { updateRiskSettings } from '#core/referrals/update-risk-settings.js';
import {
  acceptReferral,
  decideReferral,
  recordMappaLink,
  resolveDuplicate,
} from '#core/referrals/decide-referral.js';
import { findQuestionSet } from '#core/referrals/question-sets.js';
import { submitReferral } from '#core/referrals/submit-referral.js';
import { DomainError } from '#core/shared/errors.js';
import type { Principal } from '../../auth/people.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfReferral as areaOfReferralIn } from './area-of.js';
import { mayRead } from './referral-access.js';
import { checkReferringAgency, referrerView } from './referrer-view.js';

const REFERRING = ['coordinator', 'chair', 'rep', 'idva', 'admin'] as const;
const referralParams = z.strictObject({ referralId: idSchema });

export function referralRoutes(s: Services): RouteDef[] {
  const areaOfReferral = areaOfReferralIn(s);
  const coordinating = {
    kind: 'area',
    roles: ['coordinator', 'admin'],
    areaOf: areaOfReferral,
  } as const;
  // Read, check, then audit: three steps, since PGlite serves one transaction at a time and the
  // access check reads outside the unit of work.
  const load = async (
    ctx: { principal: Principal | null; correlationId: string },
    id: string,
    action: string,
  ) => {
    const referral = await s.uow.run((repos) => repos.referrals.get(id));
    if (!referral || !ctx.principal || !(await mayRead(s, ctx.principal, referral)))
      throw new DomainError('NOT_FOUND', 'Not found.');
    await depsFor(s, ctx).uow.run((repos) => repos.audit.record(action, 'referral', referral.id));
    return { referral };
  };
  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/risk-settings',
      summary:
        "The area's referral rules: checklist, thresholds, escalation, repeat window, capacity",
      tag: 'referrals',
      policy: { kind: 'area', roles: 'any', areaOf: async (p) => p.areaId ?? null },
      params: z.strictObject({ areaId: idSchema }),
      response: riskSettingsView,
      handle: ({ params }) =>
        s.uow.run(async (repos) => settingsOf((await repos.areas.get(params.areaId))!)),
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/risk-settings',
      summary:
        "Change the area's checklist (SafeLives 24 or police 27), thresholds and escalation count",
      tag: 'referrals',
      policy: {
        kind: 'area',
        roles: ['coordinator', 'admin'],
        areaOf: async (p) => p.areaId ?? null,
      },
      params: z.strictObject({ areaId: idSchema }),
      body: riskSettingsBody,
      response: riskSettingsView,
      handle: (ctx) =>
        updateRiskSettings(depsFor(s, ctx), { areaId: ctx.params.areaId, settings: ctx.body }),
    }),
    route({
      method: 'get',
      path: '/question-sets/{questionSetId}',
      summary: 'A risk checklist: its questions and attribution',
      tag: 'referrals',
      policy: { kind: 'signed-in' },
      params: z.strictObject({ questionSetId: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
      response: questionSetViewSchema,
      handle: async ({ params }) => {
        const set = findQuestionSet(params.questionSetId);
        if (!set) throw new DomainError('NOT_FOUND', 'There is no such checklist.');
        return {
          id: set.id,
          title: set.title,
          attribution: set.attribution,
          questions: [...set.questions],
        };
      },
    }),
    route({
      method: 'post',
      path: '/referrals',
      summary:
        'Save a draft referral (only the area is required; no duplicate check) or submit it to the coordinator',
      tag: 'referrals',
      policy: {
        kind: 'area',
        roles: REFERRING,
        areaOf: async (_p, body) => areaIdInForm(body),
      },
      idempotent: true,
      body: submitReferralBody,
      response: referralReceiptSchema,
      status: 201,
      handle: async (ctx) => {
        const { onBehalf } = await checkReferringAgency(s, ctx.principal!, ctx.body.form);
        return receipt(
          await submitReferral(depsFor(s, ctx), {
            referrerPersonId: ctx.principal!.personId,
            ...ctx.body,
            onBehalfOfAgency: onBehalf,
          }),
        );
      },
    }),
    route({
      method: 'put',
      path: '/referrals/{referralId}',
      summary: 'Update your draft (or a referral sent back for information), or submit it',
      tag: 'referrals',
      policy: { kind: 'area', roles: REFERRING, areaOf: areaOfReferral },
      params: referralParams,
      body: submitReferralBody,
      response: referralReceiptSchema,
      handle: async (ctx) => {
        // Someone else's referral is not found, before anything is said about the form.
        const own = await s.uow.run((repos) => repos.referrals.get(ctx.params.referralId));
        if (own?.referrerPersonId !== ctx.principal!.personId)
          throw new DomainError('NOT_FOUND', 'There is no such draft referral of yours.');
        const { onBehalf } = await checkReferringAgency(s, ctx.principal!, ctx.body.form);
        return receipt(
          await submitReferral(depsFor(s, ctx), {
            referrerPersonId: ctx.principal!.personId,
            referralId: ctx.params.referralId,
            ...ctx.body,
            onBehalfOfAgency: onBehalf,
          }),
        );
      },
    }),
    route({
      method: 'get',
      path: '/referrals/mine',
      summary: "Your own referrals: status, the coordinator's note, the meeting date once accepted",
      tag: 'referrals',
      policy: { kind: 'signed-in' },
      response: z.array(myReferralSchema),
      // A read of case metadata: audited, as the caller.
      handle: (ctx) =>
        depsFor(s, ctx).uow.run(async (repos) => {
          await repos.audit.record('referral.mine.read', 'person', ctx.principal!.personId);
          return repos.referrals.mine(ctx.principal!.personId);
        }),
    }),
    route({
      method: 'get',
      path: '/areas/{areaId}/referrals',
      summary: "The coordinator's referral queue",
      tag: 'referrals',
      policy: {
        kind: 'area',
        roles: ['coordinator', 'admin'],
        areaOf: async (p) => p.areaId ?? null,
      },
      params: z.strictObject({ areaId: idSchema }),
      response: z.array(queueItemSchema),
      handle: (ctx) =>
        depsFor(s, ctx).uow.run(async (repos) => {
          await repos.audit.record('referral.queue.read', 'area', ctx.params.areaId);
          return repos.referrals.queue(ctx.params.areaId, { victimNames: true });
        }),
    }),
    route({
      method: 'get',
      path: '/referrals/{referralId}',
      summary:
        'A referral in full, for those allowed to see it, or a draft as far as it has been typed, for its referrer (read is audited)',
      tag: 'referrals',
      policy: { kind: 'area', roles: 'any', areaOf: areaOfReferral },
      params: referralParams,
      response: z.union([referralDetailSchema, referralDraftDetailSchema]),
      handle: async (ctx) => {
        const { referral } = await load(ctx, ctx.params.referralId, 'referral.read');
        if (referral.status === 'draft') {
          // Only its referrer reads a draft (mayRead): the form as far as it has been typed.
          const summary = await s.uow.run(async (repos) =>
            (await repos.referrals.byReferrer(referral.referrerPersonId)).find(
              (q) => q.id === referral.id,
            ),
          );
          return { summary: summary!, draft: referral.form, asWritten: asWrittenView(referral) };
        }
        const coordinator = ctx.principal!.roles.some(
          (r) => r.areaId === referral.areaId && (r.role === 'coordinator' || r.role === 'admin'),
        );
        return s.uow.run(async (repos) => {
          const summary =
            (await repos.referrals.queue(referral.areaId)).find((q) => q.id === referral.id) ??
            (await repos.referrals.byReferrer(referral.referrerPersonId)).find(
              (q) => q.id === referral.id,
            )!;
          const candidates = coordinator ? await repos.referrals.candidates(referral.id) : [];
          const compared = [];
          for (const c of candidates) {
            const other = await repos.referrals.get(c.referralId);
            // Candidates are sent referrals: a draft is never matched.
            if (!other || other.status === 'draft') continue;
            compared.push({
              referralId: c.referralId,
              reference: other.reference,
              confidence: c.confidence,
              level: c.level,
              status: c.status,
              referredOn: c.referredOn,
              decision: c.decision,
              victim: victimForComparison(other.form.victim),
              referrer: await referrerDetails(repos, other.id, other.form.referrerPhone),
            });
          }
          return {
            summary:
              !coordinator && referral.referrerPersonId === ctx.principal!.personId
                ? referrerView(summary)
                : summary,
            form: referral.form,
            asWritten: asWrittenView(referral),
            decisionNote: referral.decisionNote ?? null,
            mappaLinkNote: coordinator ? (referral.mappaLinkNote ?? null) : null,
            referrer: await referrerDetails(repos, referral.id, referral.form.referrerPhone),
            candidates: compared,
          };
        });
      },
    }),
    route({
      method: 'post',
      path: '/referrals/{referralId}/accept',
      summary:
        'Accept onto the next meeting it is in time for (or a named one); warns when the meeting is full',
      tag: 'referrals',
      policy: coordinating,
      idempotent: true,
      params: referralParams,
      body: acceptReferralBody,
      response: acceptOutcomeSchema,
      handle: async (ctx) => {
        const outcome = await acceptReferral(depsFor(s, ctx), {
          referralId: ctx.params.referralId,
          ...ctx.body,
        });
        await s.drainOutbox();
        if (outcome.kind === 'accepted') {
          return {
            kind: 'accepted' as const,
            referralId: outcome.referral.id,
            meetingId: outcome.meeting.id,
            meetingDate: outcome.meeting.date,
            overCapacity: outcome.overCapacity,
          };
        }
        return {
          kind: 'over-capacity' as const,
          meetingId: outcome.meeting.id,
          meetingDate: outcome.meeting.date,
          cases: outcome.cases,
          capacity: outcome.capacity,
          nextMeeting: outcome.nextMeeting && {
            id: outcome.nextMeeting.id,
            date: outcome.nextMeeting.date,
          },
        };
      },
    }),
    route({
      method: 'post',
      path: '/referrals/{referralId}/decision',
      summary: 'Ask the referrer for more information, or decline with a reason',
      tag: 'referrals',
      policy: coordinating,
      idempotent: true,
      params: referralParams,
      body: referralDecisionBody,
      response: queueItemSchema,
      handle: async (ctx) => {
        const decided = await decideReferral(depsFor(s, ctx), {
          referralId: ctx.params.referralId,
          ...ctx.body,
        });
        await s.drainOutbox();
        return summaryOf(s, decided.id, decided.areaId);
      },
    }),
    route({
      method: 'post',
      path: '/referrals/{referralId}/duplicates/{candidateId}',
      summary: 'Merge a referral into a likely duplicate, or dismiss the match',
      tag: 'referrals',
      policy: coordinating,
      idempotent: true,
      params: z.strictObject({ referralId: idSchema, candidateId: idSchema }),
      body: duplicateDecisionBody,
      response: queueItemSchema,
      handle: async (ctx) => {
        const done = await resolveDuplicate(depsFor(s, ctx), {
          ...ctx.params,
          decision: ctx.body.decision,
          by: ctx.principal!.personId,
        });
        return summaryOf(s, done.id, done.areaId);
      },
    }),
    route({
      method: 'post',
      path: '/referrals/{referralId}/mappa-link',
      summary: 'Record the link to MAPPA for a perpetrator managed at level 2 or 3',
      tag: 'referrals',
      policy: coordinating,
      idempotent: true,
      params: referralParams,
      body: mappaLinkBody,
      response: queueItemSchema,
      handle: async (ctx) => {
        const done = await recordMappaLink(depsFor(s, ctx), {
          referralId: ctx.params.referralId,
          note: ctx.body.note,
        });
        return summaryOf(s, done.id, done.areaId);
      },
    }),
  ];
}

type Repos = Parameters<Parameters<Services['uow']['run']>[0]>[0];

async function referrerDetails(repos: Repos, referralId: string, phone: string | undefined) {
  const person = await repos.referrals.referrerOf(referralId);
  return {
    name: person?.name ?? 'Not known',
    agencyName: person?.agencyName ?? null,
    phone: phone?.trim() || null,
  };
}

/** The words written before the form offered categories, for whoever may read the form. */
const asWrittenView = (referral: ReferralRecord) => ({
  ethnicity: referral.asWritten?.ethnicity ?? null,
  sexuality: referral.asWritten?.sexuality ?? null,
});

/** What the coordinator compares side by side before merging: names, birth date, address. */
function victimForComparison(victim: ReferralForm['victim']) {
  const a = victim.address;
  return {
    name: victim.name,
    otherNames: victim.otherNames ?? [],
    dateOfBirth: victim.dateOfBirth,
    address: a ? [a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', ') : null,
  };
}

async function summaryOf(s: Services, id: string, areaId: string) {
  return s.uow.run(async (repos) =>
    (await repos.referrals.queue(areaId)).find((q) => q.id === id)!,
  );
}

function receipt(result: Awaited<ReturnType<typeof submitReferral>>) {
  const { referral, criteria, assessment, messages } = result;
  return {
    id: referral.id,
    reference: referral.reference,
    status: referral.status as 'draft' | 'submitted' | 'needs-information',
    risk: {
      score: referral.score,
      band: referral.band,
      // Never whether the victim was heard before: that is the coordinator's to know.
      criteriaMet: criteria.criteriaMet.filter((c) => c !== 'repeat'),
      shortfall: criteria.shortfall,
    },
    // Said only on submission: a draft runs no check, so it can tell its referrer nothing; each
    // notice is audited.
    likelyDuplicate: referral.status === 'submitted' && (assessment?.duplicates.length ?? 0) > 0,
    mappaLead: referral.mappaLead,
    meetingId: null,
    meetingDate: null,
    warnings: [...messages, ...(assessment?.warnings ?? []).map((w) => w.message)],
  };
}

/** The area a referral body names, read before validation for the route's policy. */
function areaIdInForm(body: unknown): string | null {
  const form = (body as { form?: unknown } | undefined)?.form;
  const areaId = (form as { areaId?: unknown } | undefined)?.areaId;
  return typeof areaId === 'string' ? areaId : null;
}
