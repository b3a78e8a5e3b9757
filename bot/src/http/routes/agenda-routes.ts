import { z } from 'zod';
import {
  agendaDeliverySchema,
  agendaOrderBody,
  agendaViewSchema,
  agendaWarningSchema,
  lateCaseBody,
  meetingAgenciesSchema,
  publishedAgendaSchema,
  updateMeetingAgenciesBody,
  type AgendaDelivery,
} from '#core/contracts/agenda-api.js';
import { idSchema } from '#core/contracts/api.js';
import { addLateCase, setAgendaOrder } from '#core/agendas/agenda-edits.js';
import { draftView, publishedView } from '#core/agendas/agenda-view.js';
import { agendaWarnings } from '#core/agendas/agenda-warnings.js';
import { draftAgenda } from '#core/agendas/meeting-agenda.js';
import { meetingMembersView, setMeetingMembers } from '#core/agendas/meeting-members.js';
import { publishAgenda } from '#core/agendas/publish-agenda.js';
import type { AgendaDeliveryRecord } from '#core/ports/agendas.js';
import type { Repos } from '#core/ports/store.js';
import { londonToday } from '#core/scheduling/area-calendar.js';
import { DomainError } from '#core/shared/errors.js';
import { route, type RouteDef, type RequestContext } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea, areaOfMeeting } from './area-of.js';
import { isCoordinating, mayRead, sitsOnMeeting } from './referral-access.js';

const meetingParams = z.strictObject({ meetingId: idSchema });
const COORDINATING = ['coordinator', 'admin'] as const;

/** A row as the coordinator's list shows it: a queued row that has failed once is "failed". */
export function deliveryView(d: AgendaDeliveryRecord): AgendaDelivery {
  return {
    id: d.id,
    version: d.version,
    agencyId: d.agencyId,
    agency: d.agency,
    recipient: d.recipient,
    mode: d.mode,
    status: d.status === 'queued' && d.lastError ? 'failed' : d.status,
    attempts: d.attempts,
    lastError: d.lastError && errorInWords(d.lastError, d.status === 'dead'),
    sentAt: d.sentAt?.toISOString() ?? null,
  };
}

/** What went wrong, in words a coordinator can act on, with Outlook's own code kept for support. */
export function errorInWords(raw: string, dead: boolean): string {
  const next = dead ? 'Check the address or the agency\u2019s mode, then resend.' : 'Trying again.';
  const status = /^HTTP (\d{3})/.exec(raw)?.[1];
  if (!status) {
    if (raw.startsWith('no answer')) return `No answer from Outlook. ${next}`;
    return `${raw.charAt(0).toUpperCase()}${raw.slice(1)}.`;
  }
  if (status === '429') return `Outlook asked us to wait (${raw}). ${next}`;
  if (status.startsWith('5')) return `Outlook failed (${raw}). ${next}`;
  return `Refused by Outlook (${raw}). ${next}`;
}

const meetingOf = async (repos: Repos, meetingId: string) => {
  const meeting = await repos.meetings.get(meetingId);
  if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
  return { meeting, area: (await repos.areas.get(meeting.areaId))! };
};

export function agendaRoutes(s: Services): RouteDef[] {
  const coordinating = { kind: 'area', roles: COORDINATING, areaOf: areaOfMeeting(s) } as const;
  const today = () => londonToday(s.clock.now());

  /** The draft for the coordinator, or the latest published version for those on the meeting. */
  async function agendaFor(ctx: RequestContext<{ meetingId: string }, unknown, unknown>) {
    const principal = ctx.principal!;
    const { meeting, area } = await s.uow.run((repos) => meetingOf(repos, ctx.params.meetingId));
    const coordinator = isCoordinating(principal, area.id);
    if (
      !coordinator &&
      !(await sitsOnMeeting(s, principal, { areaId: area.id, meetingId: meeting.id }))
    ) {
      throw new DomainError(
        'FORBIDDEN',
        'You are not on this meeting, so its agenda is not open to you. Ask the MARAC coordinator if you should be.',
      );
    }
    if (coordinator) {
      return depsFor(s, ctx).uow.run(async (repos) => {
        const versions = await repos.agendas.versions(meeting.id, area.id);
        await repos.audit.record('agenda.read', 'meeting', meeting.id);
        const draft = await draftAgenda(repos, meeting, area);
        return draftView({ meeting, area, draft, versions, today: today() });
      });
    }
    const { versions, referrals } = await s.uow.run(async (repos) => {
      const versions = await repos.agendas.versions(meeting.id, area.id);
      const ids = (versions[versions.length - 1]?.agenda.sections ?? []).flatMap((section) =>
        section.kind === 'cases-with-children' || section.kind === 'adult-cases'
          ? section.cases.map((c) => c.referralId)
          : [],
      );
      return { versions, referrals: await Promise.all(ids.map((id) => repos.referrals.get(id))) };
    });
    // The per-case check (outside the transaction: it reads the meeting lists itself): a case
    // moved since publication to a meeting the reader is not on is left out.
    const readable = new Set<string>();
    for (const referral of referrals)
      if (referral && (await mayRead(s, principal, referral))) readable.add(referral.id);
    await depsFor(s, ctx).uow.run((repos) =>
      repos.audit.record('agenda.read', 'meeting', meeting.id),
    );
    return publishedView({
      meeting,
      area,
      versions,
      today: today(),
      mayReadCase: (id) => readable.has(id),
    });
  }

  return [
    route({
      method: 'get',
      path: '/meetings/{meetingId}/agencies',
      summary: 'Who sits on a meeting: its agencies, chairs and IDVAs',
      tag: 'agendas',
      policy: coordinating,
      params: meetingParams,
      response: meetingAgenciesSchema,
      handle: ({ params }) =>
        s.uow.run(async (repos) => {
          const { meeting, area } = await meetingOf(repos, params.meetingId);
          return meetingMembersView(repos, meeting, area);
        }),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/agencies',
      summary: 'Set who sits on a meeting: it decides who receives the agenda and reads its cases',
      tag: 'agendas',
      policy: coordinating,
      params: meetingParams,
      body: updateMeetingAgenciesBody,
      response: meetingAgenciesSchema,
      handle: (ctx) =>
        setMeetingMembers(depsFor(s, ctx), { meetingId: ctx.params.meetingId, ...ctx.body }),
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/agenda',
      summary:
        'The agenda: the draft for the coordinator, the latest published version for those on the meeting',
      tag: 'agendas',
      policy: { kind: 'area', roles: 'any', areaOf: areaOfMeeting(s) },
      params: meetingParams,
      response: agendaViewSchema,
      handle: agendaFor,
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/agenda/order',
      summary: 'The order the cases will be heard in, within the SafeLives groups',
      tag: 'agendas',
      policy: coordinating,
      params: meetingParams,
      body: agendaOrderBody,
      response: agendaViewSchema,
      handle: async (ctx) => {
        await setAgendaOrder(depsFor(s, ctx), { meetingId: ctx.params.meetingId, ...ctx.body });
        return agendaFor(ctx);
      },
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/agenda/late-cases',
      summary:
        'Bring an accepted case onto this meeting after its referral deadline, with a reason',
      tag: 'agendas',
      policy: coordinating,
      idempotent: true,
      params: meetingParams,
      body: lateCaseBody,
      response: agendaViewSchema,
      handle: async (ctx) => {
        await addLateCase(depsFor(s, ctx), { meetingId: ctx.params.meetingId, ...ctx.body });
        await s.drainOutbox();
        return agendaFor(ctx);
      },
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/agenda/publish',
      summary: 'Publish the agenda, or an addendum saying what changed, to every recipient',
      tag: 'agendas',
      policy: coordinating,
      idempotent: true,
      params: meetingParams,
      body: z.strictObject({}),
      response: publishedAgendaSchema,
      status: 201,
      handle: async (ctx) => {
        const published = await publishAgenda(depsFor(s, ctx), {
          meetingId: ctx.params.meetingId,
          publishedBy: ctx.principal?.personId ?? null,
          cardPerCaseUpTo: s.config.research.cardPerCaseUpTo,
        });
        // The research prompts first: each is a little work and waits on Teams' pace, while the
        // copies are rendered and encrypted (seconds of work for a large list); a copy that
        // leaves a few seconds later costs nobody anything, a prompt held up by them does.
        void s
          .drainOutbox()
          .catch(() => undefined)
          .then(() => s.drainDeliveries());
        return {
          version: published.version,
          label: published.label,
          recipients: published.recipients,
        };
      },
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/agenda/deliveries',
      summary: "Each recipient's delivery of each version: queued, sent, failed or dead",
      tag: 'agendas',
      policy: coordinating,
      params: meetingParams,
      response: z.array(agendaDeliverySchema),
      handle: ({ params }) =>
        s.uow.run(async (repos) =>
          (await repos.agendas.deliveries(params.meetingId)).map(deliveryView),
        ),
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/agenda/deliveries/{deliveryId}/resend',
      summary: 'Send a failed or dead delivery again (Sent Items is asked first, so never twice)',
      tag: 'agendas',
      policy: coordinating,
      idempotent: true,
      params: z.strictObject({ meetingId: idSchema, deliveryId: z.string().regex(/^\d{1,18}$/) }),
      body: z.strictObject({}),
      response: agendaDeliverySchema,
      handle: async (ctx) => {
        const row = await depsFor(s, ctx).uow.run(async (repos) => {
          const requeued = await repos.agendas.requeue(ctx.params.deliveryId, ctx.params.meetingId);
          if (!requeued) {
            throw new DomainError(
              'CONFLICT',
              'This delivery is not failed or dead, so there is nothing to send again.',
            );
          }
          await repos.audit.record('agenda.resend', 'meeting', ctx.params.meetingId);
          return requeued;
        });
        void s.drainDeliveries();
        return deliveryView(row);
      },
    }),
    route({
      method: 'get',
      path: '/areas/{areaId}/agenda-warnings',
      summary: 'Agendas due out and not published, or not delivered: meetings only, never a case',
      tag: 'agendas',
      policy: { kind: 'area', roles: COORDINATING, areaOf: areaOfArea(s) },
      params: z.strictObject({ areaId: idSchema }),
      response: z.array(agendaWarningSchema),
      handle: ({ params }) => s.uow.run((repos) => agendaWarnings(s, repos, params.areaId)),
    }),
  ];
}
