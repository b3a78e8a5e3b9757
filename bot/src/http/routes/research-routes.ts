import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import {
  agencyResearchSchema,
  coreRepAbsentBody,
  coreRepAbsentResultSchema,
  caseResearchSchema,
  myResearchSchema,
  nothingKnownBody,
  nothingKnownResultSchema,
  researchCellSchema,
  researchDraftBody,
  researchMatrixSchema,
  researchSettingsSchema,
  researchSubmitBody,
} from '#core/contracts/research-api.js';
import { markCoreRepAbsent } from '#core/research/core-rep-absent.js';
import { markNothingKnown } from '#core/research/mark-nothing-known.js';
import { openCaseInMeeting } from '#core/research/open-case-in-meeting.js';
import { readAgencyResearch } from '#core/research/read-agency-research.js';
import { readCaseResearch, readResearchMatrix } from '#core/research/read-research-matrix.js';
import { researchCellOf } from '#core/research/research-cell.js';
import { readResearchSettings, setResearchSettings } from '#core/research/research-settings.js';
import { myResearch } from '#core/research/my-research.js';
import { saveResearchDraft } from '#core/research/save-research-draft.js';
import { submitResearch } from '#core/research/submit-research.js';
import type { Principal } from '../../auth/people.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea, areaOfMeeting, meetingViewerOf } from './area-of.js';

const meetingParams = z.strictObject({ meetingId: idSchema });
const caseParams = z.strictObject({ meetingId: idSchema, referralId: idSchema });
const agencyParams = z.strictObject({ meetingId: idSchema, agencyId: idSchema });
const cellParams = z.strictObject({
  meetingId: idSchema,
  referralId: idSchema,
  agencyId: idSchema,
});

/**
 * Research (issue 9): the area's settings, the coordinator's matrix, each case's responses as
 * the read rules allow, a rep's own form, and a rep's writes. Policies let in the roles that
 * may ever call a route; the use cases decide on the record (the rep's agency on the meeting's
 * list, the chair of this meeting) and audit each refusal and each read of research.
 */
export function researchRoutes(s: Services): RouteDef[] {
  const ofMeeting = (roles: 'any' | readonly ('coordinator' | 'chair' | 'rep')[]) =>
    ({ kind: 'area', roles, areaOf: areaOfMeeting(s) }) as const;

  const readerOf = (principal: Principal | null, meetingId: string) =>
    meetingViewerOf(s, principal, meetingId);

  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/research-settings',
      summary: 'How much research others read before the meeting, deputies and reminder days',
      tag: 'research',
      policy: { kind: 'area', roles: ['coordinator', 'admin'], areaOf: areaOfArea(s) },
      params: z.strictObject({ areaId: idSchema }),
      response: researchSettingsSchema,
      handle: ({ params }) => readResearchSettings(s, params),
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/research-settings',
      summary: 'Set the area research settings, as its information sharing protocol says',
      tag: 'research',
      policy: { kind: 'area', roles: ['coordinator'], areaOf: areaOfArea(s) },
      params: z.strictObject({ areaId: idSchema }),
      body: researchSettingsSchema,
      response: researchSettingsSchema,
      handle: (ctx) =>
        setResearchSettings(depsFor(s, ctx), { areaId: ctx.params.areaId, settings: ctx.body }),
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/research',
      summary: 'Each case by each agency on the meeting: statuses, never the words',
      tag: 'research',
      policy: ofMeeting('any'),
      params: meetingParams,
      response: researchMatrixSchema,
      handle: async (ctx) =>
        readResearchMatrix(depsFor(s, ctx), await readerOf(ctx.principal, ctx.params.meetingId)),
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/research/{referralId}',
      summary: "Each agency's research on one case, with the words where the area allows (audited)",
      tag: 'research',
      policy: ofMeeting('any'),
      params: caseParams,
      response: caseResearchSchema,
      handle: async (ctx) =>
        readCaseResearch(depsFor(s, ctx), {
          ...(await readerOf(ctx.principal, ctx.params.meetingId)),
          referralId: ctx.params.referralId,
        }),
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/research/agencies/{agencyId}',
      summary:
        "An agency's own research form for the meeting: its cases, who each is about, its answers",
      tag: 'research',
      policy: ofMeeting(['rep']),
      params: agencyParams,
      response: agencyResearchSchema,
      handle: (ctx) =>
        readAgencyResearch(depsFor(s, ctx), { ...ctx.params, personId: ctx.principal!.personId }),
    }),
    route({
      method: 'get',
      path: '/research/mine',
      summary: "Meetings whose research the caller's agencies owe or gave, with counts",
      tag: 'research',
      policy: { kind: 'signed-in' },
      response: myResearchSchema,
      handle: ({ principal }) =>
        myResearch(s, {
          personId: principal!.personId,
          areaIds: principal!.roles.filter((r) => r.role === 'rep').map((r) => r.areaId),
        }),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}',
      summary: "Save a draft of the caller's agency research on one case (until the deadline)",
      tag: 'research',
      policy: ofMeeting(['rep']),
      auditInvalid: true,
      params: cellParams,
      body: researchDraftBody,
      response: researchCellSchema,
      handle: async (ctx) => {
        const deps = depsFor(s, ctx);
        const input = { ...ctx.params, personId: ctx.principal!.personId, ...ctx.body };
        return researchCellOf(deps, await saveResearchDraft(deps, input));
      },
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}/submit',
      summary: "Submit the caller's agency research on one case; submitting again replaces it",
      tag: 'research',
      policy: ofMeeting(['rep']),
      idempotent: true,
      auditInvalid: true,
      params: cellParams,
      body: researchSubmitBody,
      response: researchCellSchema,
      handle: async (ctx) => {
        const deps = depsFor(s, ctx);
        const input = { ...ctx.params, personId: ctx.principal!.personId, ...ctx.body };
        return researchCellOf(deps, await submitResearch(deps, input));
      },
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/research/agencies/{agencyId}/nothing-known',
      summary: 'Record the cases named, or every case not yet answered, as not known to the agency',
      tag: 'research',
      policy: ofMeeting(['rep']),
      idempotent: true,
      auditInvalid: true,
      params: agencyParams,
      body: nothingKnownBody,
      response: nothingKnownResultSchema,
      handle: (ctx) =>
        markNothingKnown(depsFor(s, ctx), {
          ...ctx.params,
          personId: ctx.principal!.personId,
          ...(ctx.body.referralIds ? { referralIds: ctx.body.referralIds } : {}),
        }),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/agencies/{agencyId}/core-rep-absent',
      summary:
        "Mark an agency's core rep absent for the meeting, or back (a deputy may then be prompted)",
      tag: 'research',
      policy: ofMeeting(['coordinator']),
      params: agencyParams,
      body: coreRepAbsentBody,
      response: coreRepAbsentResultSchema,
      handle: async (ctx) => {
        const result = await markCoreRepAbsent(depsFor(s, ctx), {
          ...ctx.params,
          absent: ctx.body.absent,
          markedBy: ctx.principal!.personId,
          cardPerCaseUpTo: s.config.research.cardPerCaseUpTo,
        });
        void s.drainOutbox();
        return result;
      },
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/research/{referralId}/open',
      summary: 'The chair opens a case in the meeting (what at-meeting sharing waits for)',
      tag: 'research',
      policy: ofMeeting(['chair']),
      params: caseParams,
      body: z.strictObject({}),
      response: z.null(),
      status: 204,
      handle: async (ctx) => {
        await openCaseInMeeting(depsFor(s, ctx), {
          ...ctx.params,
          personId: ctx.principal!.personId,
        });
        return null;
      },
    }),
  ];
}
