import { z } from 'zod';
import {
  addExtraMeetingBody,
  agencySchema,
  areaSchema,
  createSeriesBody,
  idSchema,
  meetingSchema,
  meetingsQuery,
  updateProtocolBody,
  updateRepsBody,
  type Agency,
  type Area,
} from '#core/contracts/api.js';
import type { AgencyRecord, AreaRecord, Repos } from '#core/ports/store.js';
import { addExtraMeeting } from '#core/scheduling/add-extra-meeting.js';
import { createSeries } from '#core/scheduling/create-series.js';
import { meetingInvitees } from '#core/scheduling/invitees.js';
import { meetingView } from '#core/scheduling/meeting-view.js';
import { updateAgencyReps, updateProtocol } from '#core/scheduling/update-area.js';
import { checkMeetingDates } from '#core/shared/date-bounds.js';
import { DomainError } from '#core/shared/errors.js';
import { londonToday } from '#core/scheduling/area-calendar.js';
import { updateDeliveryBody } from '#core/contracts/agenda-api.js';
import { setAgencyDelivery } from '#core/agendas/set-delivery.js';
import { checkRecipientCertificate } from '../../mail/recipient-certificate.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea } from './area-of.js';

const COORDINATING = ['coordinator', 'admin'] as const;
const areaParams = z.strictObject({ areaId: idSchema });

async function areaView(repos: Repos, area: AreaRecord): Promise<Area> {
  const series = await repos.series.forArea(area.id);
  return {
    id: area.id,
    name: area.name,
    mailbox: area.mailbox,
    protocol: area.protocol,
    series: series && {
      id: series.id,
      firstDate: series.firstDate,
      until: series.until,
      calendarStatus: series.calendarStatus,
      calendarRef: series.calendarRef,
      joinUrl: series.joinUrl,
      attendees: await meetingInvitees(repos, area),
    },
  };
}

/** An agency as the tab sees it: the certificates' summaries, never the PEMs. */
export function agencyView(agency: AgencyRecord): Agency {
  return {
    id: agency.id,
    name: agency.name,
    kind: agency.kind,
    coreRep: agency.coreRep,
    deputyRep: agency.deputyRep,
    delivery: {
      agencyId: agency.id,
      mode: agency.deliveryMode,
      certificates: agency.certificates.map((c) => ({
        email: c.email,
        subject: c.subject,
        notAfter: c.notAfter.toISOString(),
        fingerprint: c.fingerprint,
      })),
    },
  };
}

async function loadArea(s: Services, areaId: string): Promise<Area> {
  return s.uow.run(async (repos) => {
    const area = await repos.areas.get(areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    return areaView(repos, area);
  });
}

export function areaRoutes(s: Services): RouteDef[] {
  const inArea = (roles: readonly ('coordinator' | 'admin')[] | 'any') =>
    ({ kind: 'area', roles, areaOf: areaOfArea(s) }) as const;
  return [
    route({
      method: 'get',
      path: '/areas',
      summary: 'The MARAC areas the caller holds a role in',
      tag: 'areas',
      policy: { kind: 'signed-in' },
      response: z.array(areaSchema),
      handle: ({ principal }) =>
        s.uow.run(async (repos) => {
          const mine = new Set(principal!.roles.map((r) => r.areaId));
          const areas = (await repos.areas.list()).filter((a) => mine.has(a.id));
          return Promise.all(areas.map((a) => areaView(repos, a)));
        }),
    }),
    route({
      method: 'get',
      path: '/areas/{areaId}',
      summary: 'One MARAC area with its protocol and Outlook series',
      tag: 'areas',
      policy: inArea('any'),
      params: areaParams,
      response: areaSchema,
      handle: ({ params }) => loadArea(s, params.areaId),
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/protocol',
      summary: "Change the area's protocol (cadence, time, deadlines)",
      tag: 'areas',
      policy: inArea(COORDINATING),
      params: areaParams,
      body: updateProtocolBody,
      response: areaSchema,
      handle: async (ctx) => {
        const { params, body } = ctx;
        await updateProtocol(depsFor(s, ctx), { areaId: params.areaId, protocol: body });
        return loadArea(s, params.areaId);
      },
    }),
    route({
      method: 'post',
      path: '/areas/{areaId}/series',
      summary: "Create the area's recurring MARAC series in Outlook",
      tag: 'meetings',
      policy: inArea(COORDINATING),
      idempotent: true,
      params: areaParams,
      body: createSeriesBody,
      response: areaSchema,
      status: 201,
      handle: async (ctx) => {
        const { params, body } = ctx;
        checkMeetingDates({ firstDate: body.firstDate }, londonToday(s.clock.now()));
        await createSeries(depsFor(s, ctx), {
          areaId: params.areaId,
          firstDate: body.firstDate,
          until: body.until,
        });
        await s.drainOutbox();
        return loadArea(s, params.areaId);
      },
    }),
    route({
      method: 'get',
      path: '/areas/{areaId}/meetings',
      summary: "The area's meetings with their deadlines",
      tag: 'meetings',
      policy: inArea('any'),
      params: areaParams,
      query: meetingsQuery,
      response: z.array(meetingSchema),
      handle: ({ params, query }) =>
        s.uow.run(async (repos) => {
          const area = (await repos.areas.get(params.areaId))!;
          const meetings = await repos.meetings.listForArea(area.id, query);
          const cases = await repos.meetings.caseCounts(area.id);
          return meetings.map((m) => meetingView(m, area, cases.get(m.id) ?? 0));
        }),
    }),
    route({
      method: 'post',
      path: '/areas/{areaId}/meetings',
      summary: 'Add an extra meeting outside the series (when the coming ones are full)',
      tag: 'meetings',
      policy: inArea(COORDINATING),
      idempotent: true,
      params: areaParams,
      body: addExtraMeetingBody,
      response: meetingSchema,
      status: 201,
      handle: async (ctx) => {
        checkMeetingDates({ date: ctx.body.date }, londonToday(s.clock.now()));
        const meeting = await addExtraMeeting(depsFor(s, ctx), {
          areaId: ctx.params.areaId,
          ...ctx.body,
        });
        await s.drainOutbox();
        return s.uow.run(async (repos) =>
          meetingView(meeting, (await repos.areas.get(meeting.areaId))!),
        );
      },
    }),
    route({
      method: 'get',
      path: '/areas/{areaId}/agencies',
      summary: 'Agencies on the area with their core rep and deputy',
      tag: 'areas',
      policy: inArea('any'),
      params: areaParams,
      response: z.array(agencySchema),
      handle: ({ params }) =>
        s.uow.run(async (repos) => (await repos.areas.agencies(params.areaId)).map(agencyView)),
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/agencies/{agencyId}/reps',
      summary: "Name an agency's core rep and deputy; the Outlook series follows the core reps",
      tag: 'areas',
      policy: inArea(COORDINATING),
      params: z.strictObject({ areaId: idSchema, agencyId: idSchema }),
      body: updateRepsBody,
      response: agencySchema,
      handle: async (ctx) => {
        const { params, body } = ctx;
        const agency = await updateAgencyReps(depsFor(s, ctx), {
          ...params,
          coreRep: body.coreRep,
          deputyRep: body.deputyRep,
        });
        await s.drainOutbox();
        return agencyView(agency);
      },
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/agencies/{agencyId}/delivery',
      summary:
        "How an agency's reps receive the agenda: smime (with their certificates), password, purview or link",
      tag: 'areas',
      policy: inArea(COORDINATING),
      params: z.strictObject({ areaId: idSchema, agencyId: idSchema }),
      body: updateDeliveryBody,
      response: agencySchema,
      handle: async (ctx) =>
        agencyView(
          await setAgencyDelivery(
            { ...depsFor(s, ctx), checkCertificate: checkRecipientCertificate },
            { ...ctx.params, ...ctx.body },
          ),
        ),
    }),
  ];
}
