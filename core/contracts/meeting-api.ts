import { z } from 'zod';
import { idSchema, localDateSchema } from './api.js';

/*
 * The meeting tab's part of the REST contract (issue #10), shared by the server and the tab.
 *
 * Routes (all under /api):
 *   GET  /areas/{areaId}/meeting-settings                  coordinator, admin
 *   PUT  /areas/{areaId}/meeting-settings                  coordinator
 *   GET  /meetings/run/mine                                anyone signed in: the meetings they sit on
 *   GET  /meetings/{meetingId}/run                         anyone on the meeting: the meeting view
 *   GET  /meetings/{meetingId}/run/events                  anyone on the meeting: server-sent events
 *   PUT  /meetings/{meetingId}/attendance/{personId}       coordinator, chair; a person their own row
 *   GET  /meetings/{meetingId}/observers                   coordinator, chair: who may be listed
 *   POST /meetings/{meetingId}/observers                   coordinator, chair (Idempotency-Key)
 *   POST /meetings/{meetingId}/confidentiality             the caller confirms the statement
 *   PUT  /meetings/{meetingId}/run/current                 chair: the case everyone is on
 *   POST /meetings/{meetingId}/run/close                   chair: end time, the record frozen
 *   GET  /meetings/{meetingId}/run/cases/{referralId}      a confirmed attendee: one case (audited)
 *   PUT  /meetings/{meetingId}/run/cases/{referralId}/notes        chair, coordinator (version)
 *   POST /meetings/{meetingId}/run/cases/{referralId}/actions      chair, coordinator (Idempotency-Key)
 *   PUT  /meetings/{meetingId}/run/actions/{actionId}              chair, coordinator (version)
 *   POST /meetings/{meetingId}/run/cases/{referralId}/defer        chair (Idempotency-Key)
 *   PUT  /meetings/{meetingId}/run/review/{actionId}               chair, coordinator (version)
 *
 * Nothing about a case (not even its reference) reaches a person before they have confirmed the
 * confidentiality statement for this meeting. Observers never receive research text. Each read of
 * a case is audited. After close, a write to notes or actions is a correction: it needs a reason,
 * keeps the version before it and is audited.
 */

const isoInstant = z.string().meta({ format: 'date-time' });
const time24 = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'enter a 24-hour time such as 14:30')
  .meta({ example: '14:30' });
/** Words typed at the meeting: trimmed; an empty answer is "" (not null). */
const words = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'enter some words').max(max);
const version = z.number().int().min(1);

/** The default target time for one case, in minutes (DOMAIN.md: each case 10-15 minutes). */
export const DEFAULT_CASE_TARGET_MINUTES = 12;
/** An urgent child safeguarding action is due within this many hours of being agreed. */
export const URGENT_ACTION_MAX_HOURS = 24;

export const MEETING_TEXT_LIMITS = {
  facts: 8_000,
  opinion: 8_000,
  riskSummary: 4_000,
  what: 2_000,
  risk: 1_000,
  ownerPerson: 120,
  reason: 500,
} as const;

/** `GET|PUT /api/areas/{areaId}/meeting-settings`. */
export const meetingSettingsSchema = z.strictObject({
  caseTargetMinutes: z.number().int().min(5).max(60),
});
export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;

/** How a person sits on a meeting; decides what they may do and read. */
export const seatValues = ['chair', 'coordinator', 'rep', 'idva', 'observer'] as const;
export type Seat = (typeof seatValues)[number];

export const runStateValues = ['not-started', 'in-progress', 'closed'] as const;
export type RunState = (typeof runStateValues)[number];

export const attendanceValues = ['present', 'apologies'] as const;
export type Attendance = (typeof attendanceValues)[number];

/** One line of the attendance register: a professional, never a person a case is about. */
export const attendeeSchema = z.strictObject({
  personId: idSchema,
  name: z.string(),
  seat: z.enum(seatValues),
  /** The agency they represent (a rep); null for the chair, coordinator, IDVAs and observers. */
  agencyId: idSchema.nullable(),
  agencyName: z.string().nullable(),
  /** Null until the coordinator or the person records it. */
  attendance: z.enum(attendanceValues).nullable(),
  /** The agency sent its information in advance (typically with apologies). */
  infoSentInAdvance: z.boolean(),
  /** When they confirmed the confidentiality statement in the app; null until then. */
  confirmedAt: isoInstant.nullable(),
  version: version,
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const caseStateValues = ['waiting', 'current', 'heard', 'deferred'] as const;
export type CaseState = (typeof caseStateValues)[number];

/** A case on the meeting's running order: its reference only. */
export const runCaseSchema = z.strictObject({
  referralId: idSchema,
  reference: z.string(),
  /** Cases involving children are heard first. */
  hasChildren: z.boolean(),
  state: z.enum(caseStateValues),
  /** When it last became the current case; null when it is not current. */
  currentSince: isoInstant.nullable(),
  /** Time spent on it before `currentSince`, in seconds (the timer adds the running part). */
  secondsSpent: z.number().int().min(0),
  /** Why it was deferred: the chair and coordinator only; null otherwise. */
  deferReason: z.string().nullable(),
});
export type RunCase = z.infer<typeof runCaseSchema>;

/** `cannot`: ended by its owner with a reason (issue #11). */
export const actionStatusValues = ['open', 'done', 'ongoing', 'not-done', 'cannot'] as const;
export type ActionStatus = (typeof actionStatusValues)[number];

/** An urgent child safeguarding decision: flagged, and due within hours. */
export const urgentKindValues = ['childrens-services-referral', 'strategy-discussion'] as const;
export type UrgentKind = (typeof urgentKindValues)[number];

export const notDoneReasonValues = ['circumstances-changed', 'agency-did-not-act'] as const;

/** An action agreed at a meeting: SMART (owner, what exactly, by when, the risk it addresses). */
export const meetingActionSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  referralId: idSchema,
  reference: z.string(),
  ownerAgencyId: idSchema,
  ownerAgencyName: z.string(),
  /** A named person at the agency, when the meeting named one. */
  ownerPerson: z.string().nullable(),
  what: z.string(),
  /** When it is due, and the same in London words for display. */
  dueAt: isoInstant,
  dueDate: localDateSchema,
  dueTime: time24,
  risk: z.string(),
  urgent: z.enum(urgentKindValues).nullable(),
  status: z.enum(actionStatusValues),
  version: version,
  updatedAt: isoInstant,
  updatedBy: z.string().nullable(),
});
export type MeetingAction = z.infer<typeof meetingActionSchema>;

/** An incomplete action from an earlier meeting, and what this meeting's review said of it. */
export const reviewItemSchema = z.strictObject({
  action: meetingActionSchema,
  meetingDate: localDateSchema,
  /** Null until reviewed at this meeting. */
  outcome: z.enum(['done', 'ongoing', 'not-done']).nullable(),
  notDoneReason: z.enum(notDoneReasonValues).nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** `GET /api/meetings/{meetingId}/run`: the meeting view, as this person may see it. */
export const meetingRunSchema = z.strictObject({
  meetingId: idSchema,
  areaId: idSchema,
  date: localDateSchema,
  startsAt: isoInstant,
  state: z.enum(runStateValues),
  startedAt: isoInstant.nullable(),
  closedAt: isoInstant.nullable(),
  caseTargetMinutes: z.number().int(),
  /** The area protocol's hours for a children's services task (the chair's one-click due time). */
  actionTaskHours: z.number().int(),
  /** The last live event reflected here: the stream's `lastEventId` to follow from. */
  seq: z.number().int().min(0),
  /** The statement every attendee confirms before seeing any case. */
  statement: z.string(),
  me: z.strictObject({
    personId: idSchema,
    seat: z.enum(seatValues),
    agencyIds: z.array(idSchema),
    confirmedAt: isoInstant.nullable(),
    /** The chair: moves between cases, closes. */
    mayRun: z.boolean(),
    /** The chair or coordinator: the register, notes, actions, review, observers. */
    mayRecord: z.boolean(),
  }),
  attendance: z.array(attendeeSchema),
  /** Empty, with `casesHidden`, until this person has confirmed the statement. */
  cases: z.array(runCaseSchema),
  casesHidden: z.boolean(),
  currentReferralId: idSchema.nullable(),
  /** Incomplete actions from earlier meetings: empty until confirmed, and until actions exist. */
  review: z.array(reviewItemSchema),
});
export type MeetingRun = z.infer<typeof meetingRunSchema>;

/**
 * `GET /api/meetings/run/mine`: the meetings the caller has a seat on, from yesterday to 28 days
 * ahead (London dates), soonest first. The tab's `/meeting` without an id lists these.
 */
export const MY_MEETINGS_DAYS_BEFORE = 1;
export const MY_MEETINGS_DAYS_AHEAD = 28;
export const myMeetingSchema = z.strictObject({
  meetingId: idSchema,
  areaName: z.string(),
  date: localDateSchema,
  startsAt: isoInstant,
  state: z.enum(runStateValues),
});
export type MyMeeting = z.infer<typeof myMeetingSchema>;
export const myMeetingsSchema = z.strictObject({ meetings: z.array(myMeetingSchema) });
export type MyMeetings = z.infer<typeof myMeetingsSchema>;

/** Facts and opinion kept apart, and the risks summarised. */
export const caseNotesSchema = z.strictObject({
  facts: z.string(),
  opinion: z.string(),
  riskSummary: z.string(),
  /** 0 before anything was saved. */
  version: z.number().int().min(0),
  updatedAt: isoInstant.nullable(),
  updatedBy: z.string().nullable(),
});
export type CaseNotes = z.infer<typeof caseNotesSchema>;

/** The referrer's summary, as the agenda carried it. */
export const caseSummarySchema = z.strictObject({
  victimName: z.string(),
  perpetratorNames: z.array(z.string()),
  children: z.array(z.strictObject({ name: z.string(), dateOfBirth: localDateSchema.nullable() })),
  referringAgency: z.string(),
  reason: z.string(),
  knownRisks: z.string(),
  isRepeat: z.boolean(),
});

/** One agency's research on the case, with the words only where this person may read them. */
export const runResearchSchema = z.strictObject({
  agencyId: idSchema,
  agencyName: z.string(),
  status: z.string(),
  /** Null where the reader may not read the words (observers, sealed, status-only) or none. */
  text: z.array(z.strictObject({ label: z.string(), value: z.string() })).nullable(),
});

/** `GET /api/meetings/{meetingId}/run/cases/{referralId}`: one case in the meeting (audited). */
export const runCaseDetailSchema = z.strictObject({
  case: runCaseSchema,
  summary: caseSummarySchema,
  /** Research as the area's sharing setting allows; never for observers. */
  research: z.array(runResearchSchema),
  /** Why the research is not shown, in words; null when it is. */
  researchWithheld: z.string().nullable(),
  notes: caseNotesSchema,
  actions: z.array(meetingActionSchema),
});
export type RunCaseDetail = z.infer<typeof runCaseDetailSchema>;

/** After close, a write is a correction: it says why. Before close it must be absent. */
const correction = { correctionReason: required(MEETING_TEXT_LIMITS.reason).optional() };

export const attendanceBody = z.strictObject({
  attendance: z.enum(attendanceValues),
  infoSentInAdvance: z.boolean(),
  version: version,
});
export const addObserverBody = z.strictObject({ personId: idSchema });
/**
 * `GET /api/meetings/{meetingId}/observers`: the area's observers not yet on the meeting, the
 * people the chair or coordinator may list (by name: professionals, never a case's people).
 */
export const observerCandidatesSchema = z.strictObject({
  people: z.array(z.strictObject({ personId: idSchema, name: z.string() })),
});
export type ObserverCandidates = z.infer<typeof observerCandidatesSchema>;
export const confirmStatementBody = z.strictObject({ confirm: z.literal(true) });
export const currentCaseBody = z.strictObject({ referralId: idSchema.nullable() });
export const caseNotesBody = z.strictObject({
  facts: words(MEETING_TEXT_LIMITS.facts),
  opinion: words(MEETING_TEXT_LIMITS.opinion),
  riskSummary: words(MEETING_TEXT_LIMITS.riskSummary),
  /** The version the writer started from (0 when nothing was saved). */
  version: z.number().int().min(0),
  ...correction,
});
export const actionBody = z.strictObject({
  ownerAgencyId: idSchema,
  ownerPerson: words(MEETING_TEXT_LIMITS.ownerPerson).nullable(),
  what: required(MEETING_TEXT_LIMITS.what),
  /** Europe/London. */
  dueDate: localDateSchema,
  dueTime: time24,
  risk: required(MEETING_TEXT_LIMITS.risk),
  urgent: z.enum(urgentKindValues).nullable(),
});
export const updateActionBody = actionBody.extend({ version, ...correction });
export const deferBody = z.strictObject({ reason: required(MEETING_TEXT_LIMITS.reason) });
export const reviewBody = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('done'), version }),
  z.strictObject({
    outcome: z.literal('ongoing'),
    dueDate: localDateSchema,
    dueTime: time24,
    version,
  }),
  z.strictObject({
    outcome: z.literal('not-done'),
    reason: z.enum(notDoneReasonValues),
    version,
  }),
]);
export const deferredSchema = z.strictObject({
  referralId: idSchema,
  /** The meeting the case now waits for. */
  toMeetingId: idSchema,
  toMeetingDate: localDateSchema,
});
