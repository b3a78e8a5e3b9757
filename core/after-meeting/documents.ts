import { londonDateOf, londonTimeOf } from '../calendar/london-time.js';
import {
  ACTION_PLAN_WARN_BEFORE_HOURS,
  type ActionPlanView,
  type AgencyDelivery,
  type MinutesBody,
  type MinutesView,
} from '../contracts/document-api.js';
import type { DocumentDeliveryRecord, MeetingDocumentRecord } from '../ports/meeting-documents.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { requireSeat, type MeetingSeat, type MeetingViewer } from '../meeting-run/meeting-seat.js';
import type { MeetingRunDeps } from '../meeting-run/run-deps.js';
import { auditedRunWrite } from '../meeting-run/run-writes.js';
import { workingCalendarFor } from '../scheduling/area-calendar.js';
import { dateInWords } from '../shared/date-words.js';
import { DomainError } from '../shared/errors.js';
import { agencyPart, planAgencies } from './action-plan.js';
import { queueCopies } from './open-after-meeting.js';

/*
 * Reading the action plan, and the minutes from draft to circulation (issue #11). The coordinator
 * and the chair see the whole plan and each agency's delivery; a rep sees their agency's part. The
 * minutes are the coordinator's to edit, approve and circulate (the chair may read them). Every
 * read is audited; every refusal too, in a transaction of its own.
 */

const NOT_CLOSED =
  'The meeting has not been closed yet: its action plan and minutes open when the chair closes it.';

/** Warn the coordinator this many working days before the minutes are due. */
const MINUTES_WARN_WORKING_DAYS = 2;

/**
 * The caller's seat, refused in words when it may not do this (`allowed`), then the meeting's
 * run, refused while the meeting is not closed: who may ask is decided before what is there.
 */
async function closedMeeting(
  repos: Repos,
  viewer: MeetingViewer,
  allowed: (seat: MeetingSeat) => boolean,
  refusal: string,
): Promise<MeetingSeat> {
  const seat = await requireSeat(repos, viewer);
  if (!allowed(seat)) throw new DomainError('FORBIDDEN', refusal);
  const run = await repos.meetingRun.run(seat.meeting.id);
  if (run?.state !== 'closed') throw new DomainError('CONFLICT', NOT_CLOSED);
  return seat;
}

const deliveryView = (d: DocumentDeliveryRecord): AgencyDelivery => ({
  agencyId: d.agencyId,
  agency: d.agency,
  mode: d.mode,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  sentAt: d.sentAt?.toISOString() ?? null,
});

const at = (instant: Date): string =>
  `${londonTimeOf(instant)} on ${dateInWords(londonDateOf(instant), 'long')}`;

/** What holds a document's copies, in words: dead ones always, queued ones once it is late. */
function deliveryWarnings(
  what: string,
  deliveries: readonly DocumentDeliveryRecord[],
  late: boolean,
  dueAt: Date,
): string[] {
  const warnings: string[] = [];
  for (const d of deliveries) {
    if (d.status === 'dead') {
      warnings.push(
        `${what} could not be delivered to ${d.agency} (${d.lastError ?? 'no reason given'}). Put it right and send it again, or send it another way: it is due by ${at(dueAt)}.`,
      );
    } else if (d.status === 'queued' && late) {
      warnings.push(
        `${what} has still not reached ${d.agency}${d.lastError ? ` (the last attempt failed: ${d.lastError})` : ''}. It is due by ${at(dueAt)}.`,
      );
    }
  }
  return warnings;
}

/** `GET /api/meetings/{meetingId}/action-plan`. */
export async function readActionPlan(
  deps: MeetingRunDeps,
  input: { viewer: MeetingViewer },
): Promise<ActionPlanView> {
  const { viewer } = input;
  return auditedRunWrite(deps, 'action-plan.read', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      const seat = await closedMeeting(
        repos,
        viewer,
        (seat) => seat.mayRecord || seat.seat === 'rep',
        'The action plan goes to the agencies that own its actions: only their representatives, the chair and the coordinators read it.',
      );
      const plan = await repos.meetingDocuments.latest(seat.meeting.id, 'action-plan');
      const run = (await repos.meetingRun.run(seat.meeting.id))!;
      if (!plan) throw new DomainError('NOT_FOUND', 'This meeting has no action plan.');
      await repos.audit.record('action-plan.read', 'meeting', seat.meeting.id);
      const base = {
        meetingId: seat.meeting.id,
        meetingDate: seat.meeting.date,
        closedAt: run.closedAt!.toISOString(),
        dueAt: plan.dueAt.toISOString(),
      };
      if (!seat.mayRecord) {
        const cases = plan.content.cases.filter((c) =>
          seat.agencyIds.some((agencyId) => agencyPart([c], agencyId).length > 0),
        );
        return { ...base, scope: 'agency', cases, deliveries: [], warnings: [] };
      }
      const deliveries = await repos.meetingDocuments.deliveries(plan.id);
      const now = deps.clock.now();
      const hoursGiven = (plan.dueAt.getTime() - run.closedAt!.getTime()) / 3600_000;
      const warnBefore = Math.min(ACTION_PLAN_WARN_BEFORE_HOURS, hoursGiven / 2) * 3600_000;
      const late = now.getTime() >= plan.dueAt.getTime() - warnBefore;
      const warnings = deliveryWarnings('The action plan', deliveries, late, plan.dueAt);
      const agencies = new Map(
        (await repos.areas.agencies(seat.meeting.areaId)).map((a) => [a.id, a.name]),
      );
      for (const agencyId of planAgencies(plan.content.cases)) {
        if (deliveries.some((d) => d.agencyId === agencyId)) continue;
        warnings.push(
          `${agencies.get(agencyId) ?? 'An agency'} owns actions in the plan but had no representative on the meeting to send it to: send the agency its actions another way by ${at(plan.dueAt)}.`,
        );
      }
      return {
        ...base,
        scope: 'whole',
        cases: plan.content.cases,
        deliveries: deliveries.map(deliveryView),
        warnings,
      };
    }),
  );
}

async function minutesOf(
  repos: Repos,
  meeting: MeetingRecord,
  forUpdate = false,
): Promise<MeetingDocumentRecord<'minutes'>> {
  const minutes = await repos.meetingDocuments.latest(meeting.id, 'minutes', { forUpdate });
  if (!minutes) throw new DomainError('NOT_FOUND', 'This meeting has no minutes.');
  return minutes;
}

async function minutesView(
  repos: Repos,
  meeting: MeetingRecord,
  minutes: MeetingDocumentRecord<'minutes'>,
  now: Date,
): Promise<MinutesView> {
  const deliveries = await repos.meetingDocuments.deliveries(minutes.id);
  const dueOn = londonDateOf(minutes.dueAt);
  const warnings: string[] = [];
  if (minutes.state !== 'circulated') {
    const area = (await repos.areas.get(meeting.areaId))!;
    const today = londonDateOf(now);
    const warnFrom = workingCalendarFor(area).addWorkingDays(dueOn, -MINUTES_WARN_WORKING_DAYS);
    if (now.getTime() > minutes.dueAt.getTime()) {
      warnings.push(
        `The minutes are overdue: they were due to be circulated by ${dateInWords(dueOn, 'long')}. ${minutes.state === 'draft' ? 'Approve and circulate them now.' : 'Circulate them now.'}`,
      );
    } else if (today >= warnFrom) {
      warnings.push(
        `The minutes are due to be circulated by ${dateInWords(dueOn, 'long')}. ${minutes.state === 'draft' ? 'Finish the draft and approve it, then circulate it.' : 'Circulate them.'}`,
      );
    }
  } else {
    warnings.push(
      ...deliveryWarnings('The minutes', deliveries, false, minutes.dueAt).filter(Boolean),
    );
  }
  return {
    meetingId: meeting.id,
    meetingDate: meeting.date,
    number: minutes.number,
    state: minutes.state,
    version: minutes.version,
    sections: minutes.content.sections,
    dueOn,
    updatedAt: minutes.updatedAt.toISOString(),
    approvedAt: minutes.approvedAt?.toISOString() ?? null,
    circulatedAt: minutes.circulatedAt?.toISOString() ?? null,
    deliveries: deliveries.map(deliveryView),
    warnings,
  };
}

/**
 * `GET /api/meetings/{meetingId}/minutes`: the coordinator and the chair (the latest, draft or
 * not); a rep, the minutes as circulated (what a `link` agency reads instead of an attachment).
 */
export async function readMinutes(
  deps: MeetingRunDeps,
  input: { viewer: MeetingViewer },
): Promise<MinutesView> {
  const { viewer } = input;
  return auditedRunWrite(deps, 'minutes.read', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      const seat = await closedMeeting(
        repos,
        viewer,
        (seat) => seat.mayRecord || seat.seat === 'rep',
        'Only the chair, the coordinators and the agencies\u2019 representatives read the minutes.',
      );
      if (seat.mayRecord) {
        const minutes = await minutesOf(repos, seat.meeting);
        await repos.audit.record('minutes.read', 'meeting', seat.meeting.id);
        return minutesView(repos, seat.meeting, minutes, deps.clock.now());
      }
      // A rep reads what was circulated to their agency, never a draft.
      const circulated = await repos.meetingDocuments.latest(seat.meeting.id, 'minutes', {
        circulated: true,
      });
      if (!circulated) {
        throw new DomainError(
          'CONFLICT',
          'The minutes have not been circulated yet: your agency receives them when the coordinator circulates them.',
        );
      }
      await repos.audit.record('minutes.read', 'meeting', seat.meeting.id);
      const view = await minutesView(repos, seat.meeting, circulated, deps.clock.now());
      return { ...view, deliveries: [], warnings: [] };
    }),
  );
}

async function coordinatorsMinutes(repos: Repos, viewer: MeetingViewer) {
  await repos.meetingRun.lock(viewer.meetingId);
  const seat = await closedMeeting(
    repos,
    viewer,
    (seat) => seat.seat === 'coordinator',
    'Only a coordinator edits, approves and circulates the minutes.',
  );
  const minutes = await minutesOf(repos, seat.meeting, true);
  return { meeting: seat.meeting, minutes };
}

function checkVersion(minutes: MeetingDocumentRecord<'minutes'>, version: number): void {
  if (minutes.version !== version) {
    throw new DomainError(
      'VERSION_CONFLICT',
      'Someone saved the minutes since you opened them: reload them to see their changes, then make yours again.',
    );
  }
}

/**
 * `PUT /api/meetings/{meetingId}/minutes`: save sections' text, or approve. Saving approved
 * minutes takes them back to a draft (they are approved again before circulating); saving
 * circulated ones opens a correction: the next number, a draft, audited.
 */
export async function writeMinutes(
  deps: MeetingRunDeps,
  input: { viewer: MeetingViewer; body: MinutesBody },
): Promise<MinutesView> {
  const { viewer, body } = input;
  const action = body.action === 'approve' ? 'minutes.approve' : 'minutes.save';
  return auditedRunWrite(deps, action, viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      const { meeting, minutes } = await coordinatorsMinutes(repos, viewer);
      checkVersion(minutes, body.version);
      const now = deps.clock.now();
      const stamp = { updatedAt: now, updatedBy: viewer.personId };
      if (body.action === 'approve') {
        if (minutes.state !== 'draft') {
          throw new DomainError(
            'CONFLICT',
            minutes.state === 'approved'
              ? 'These minutes are approved already: circulate them.'
              : 'These minutes have been circulated: to correct them, edit a section and save; the correction is approved and circulated in turn.',
          );
        }
        const approved = {
          ...minutes,
          ...stamp,
          state: 'approved' as const,
          approvedAt: now,
          approvedBy: viewer.personId,
          version: minutes.version + 1,
        };
        await repos.meetingDocuments.save(approved);
        await repos.audit.record('minutes.approve', 'meeting', meeting.id);
        return minutesView(repos, meeting, approved, now);
      }
      const keys = new Set(minutes.content.sections.map((s) => s.key));
      const unknown = body.sections.findIndex((s) => !keys.has(s.key));
      if (unknown >= 0) {
        throw new DomainError('VALIDATION_FAILED', 'Choose a section of these minutes.', [
          { path: `sections.${unknown}.key`, message: 'choose a section of these minutes' },
        ]);
      }
      const texts = new Map(body.sections.map((s) => [s.key, s.text]));
      const content = {
        sections: minutes.content.sections.map((s) => ({ ...s, text: texts.get(s.key) ?? s.text })),
      };
      if (minutes.state === 'circulated') {
        const correction: MeetingDocumentRecord<'minutes'> = {
          ...minutes,
          ...stamp,
          id: deps.ids.newId(),
          number: minutes.number + 1,
          state: 'draft',
          content,
          version: 1,
          createdAt: now,
          approvedAt: null,
          approvedBy: null,
          circulatedAt: null,
          circulatedBy: null,
        };
        await repos.meetingDocuments.insert(correction);
        await repos.audit.record('minutes.correct', 'meeting', meeting.id);
        return minutesView(repos, meeting, correction, now);
      }
      const saved = {
        ...minutes,
        ...stamp,
        state: 'draft' as const,
        approvedAt: null,
        approvedBy: null,
        content,
        version: minutes.version + 1,
      };
      await repos.meetingDocuments.save(saved);
      await repos.audit.record('minutes.save', 'meeting', meeting.id);
      return minutesView(repos, meeting, saved, now);
    }),
  );
}

/**
 * `POST /api/meetings/{meetingId}/minutes/circulate`: approved minutes go to every agency on the
 * meeting, one copy each in its mode, exactly once; then they are frozen.
 */
export async function circulateMinutes(
  deps: MeetingRunDeps,
  input: { viewer: MeetingViewer; version: number },
): Promise<MinutesView> {
  const { viewer } = input;
  return auditedRunWrite(deps, 'minutes.circulate', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      const { meeting, minutes } = await coordinatorsMinutes(repos, viewer);
      checkVersion(minutes, input.version);
      if (minutes.state !== 'approved') {
        throw new DomainError(
          'CONFLICT',
          minutes.state === 'draft'
            ? 'Approve the minutes before circulating them.'
            : 'These minutes have been circulated already.',
        );
      }
      const now = deps.clock.now();
      const circulated = {
        ...minutes,
        state: 'circulated' as const,
        circulatedAt: now,
        circulatedBy: viewer.personId,
        updatedAt: now,
        updatedBy: viewer.personId,
        version: minutes.version + 1,
      };
      await repos.meetingDocuments.save(circulated);
      const area = (await repos.areas.get(meeting.areaId))!;
      await queueCopies(repos, circulated, area.mailbox, 'all');
      await repos.audit.record('minutes.circulate', 'meeting', meeting.id);
      return minutesView(repos, meeting, circulated, now);
    }),
  );
}

/**
 * `POST .../action-plan/resend`, `.../minutes/resend`: the coordinator sends an agency's dead copy
 * again (the latest action plan, or the latest minutes once circulated), audited. The view is read
 * after, by the caller.
 */
export async function resendCopy(
  deps: MeetingRunDeps,
  input: { viewer: MeetingViewer; kind: 'action-plan' | 'minutes'; agencyId: string },
): Promise<void> {
  const { viewer, kind } = input;
  const what = kind === 'action-plan' ? 'action plan' : 'minutes';
  await auditedRunWrite(deps, `${kind}.resend`, viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      await repos.meetingRun.lock(viewer.meetingId);
      const seat = await closedMeeting(
        repos,
        viewer,
        (seat) => seat.seat === 'coordinator',
        `Only a coordinator sends the ${what} again.`,
      );
      const document = await repos.meetingDocuments.latest(seat.meeting.id, kind, {
        circulated: true,
      });
      if (!document) {
        throw new DomainError(
          'CONFLICT',
          `The ${what} ${kind === 'minutes' ? 'have' : 'has'} not been circulated yet: there is nothing to send again.`,
        );
      }
      if (!(await repos.meetingDocuments.requeue(document.id, input.agencyId))) {
        throw new DomainError(
          'CONFLICT',
          `The copy of the ${what} to this agency has not failed, so there is nothing to send again.`,
        );
      }
      await repos.audit.record(`${kind}.resend`, 'meeting', seat.meeting.id);
    }),
  );
}
