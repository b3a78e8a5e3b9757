import { z } from 'zod';
import { deliveryModeSchema, idSchema, localDateSchema } from './api.js';

export {
  agencyDeliverySchema,
  certificateSummarySchema,
  deliveryModeSchema,
  type AgencyDelivery,
  type CertificateSummary,
  type DeliveryMode,
} from './api.js';

/*
 * The agenda's part of the REST contract: which agencies and people sit on a meeting, how each
 * agency receives papers, the agenda itself and its deliveries. Shared by the server and the tab.
 */

const isoInstant = z.string().meta({ format: 'date-time' });
const shortText = (max: number) => z.string().trim().min(1).max(max);

/**
 * `PUT /api/areas/{areaId}/agencies/{agencyId}/delivery`. In `smime` mode the PEM holds a
 * certificate for each rep of the agency (one or two `BEGIN CERTIFICATE` blocks); it may be left
 * out when the agency already has certificates for its current reps.
 */
export const updateDeliveryBody = z.strictObject({
  mode: deliveryModeSchema,
  certificatePem: z.string().min(1).max(40_000).optional(),
});

/** `GET /api/meetings/{meetingId}/agencies`: who sits on the meeting. */
export const meetingMemberSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  onMeeting: z.boolean(),
});
export const meetingAgenciesSchema = z.strictObject({
  meetingId: idSchema,
  /** true while the coordinator has set no list: every agency, chair and IDVA of the area sits. */
  isDefault: z.boolean(),
  agencies: z.array(meetingMemberSchema.extend({ mode: deliveryModeSchema })),
  chairs: z.array(meetingMemberSchema),
  idvas: z.array(meetingMemberSchema),
});
export type MeetingAgencies = z.infer<typeof meetingAgenciesSchema>;

/** `PUT /api/meetings/{meetingId}/agencies`: the whole list, replacing the one before. */
export const updateMeetingAgenciesBody = z.strictObject({
  agencyIds: z.array(idSchema).min(1).max(100),
  chairIds: z.array(idSchema).max(10),
  idvaIds: z.array(idSchema).max(50),
});

const agendaPersonSchema = z.strictObject({
  name: z.string(),
  otherNames: z.array(z.string()),
  dateOfBirth: localDateSchema.nullable(),
});
export const agendaCaseSchema = z.strictObject({
  referralId: idSchema,
  reference: z.string(),
  victim: agendaPersonSchema.extend({ address: z.string().nullable() }),
  perpetrators: z.array(agendaPersonSchema),
  children: z.array(agendaPersonSchema.extend({ school: z.string().nullable() })),
  referringAgency: z.string(),
  reason: z.string(),
  risk: z.strictObject({
    band: z.enum(['standard', 'medium', 'high']),
    score: z.number().int().nullable(),
    checklist: z.string(),
  }),
  isRepeat: z.boolean(),
  mappaLead: z.boolean(),
  knownRisks: z.string(),
  lateReason: z.string().nullable(),
});
export type AgendaCaseView = z.infer<typeof agendaCaseSchema>;

export const agendaSectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('introductions') }),
  z.strictObject({
    kind: z.literal('actions-review'),
    actions: z.array(
      z.strictObject({
        reference: z.string(),
        agency: z.string(),
        action: z.string(),
        dueOn: localDateSchema,
      }),
    ),
  }),
  z.strictObject({ kind: z.literal('cases-with-children'), cases: z.array(agendaCaseSchema) }),
  z.strictObject({ kind: z.literal('adult-cases'), cases: z.array(agendaCaseSchema) }),
  z.strictObject({
    kind: z.literal('twelve-months'),
    notices: z.array(z.strictObject({ reference: z.string(), lastHeardOn: localDateSchema })),
  }),
  z.strictObject({ kind: z.literal('other-business') }),
]);

export const agendaVersionSummarySchema = z.strictObject({
  /** 1 is the agenda; 2 is addendum 1, and so on. */
  version: z.number().int().min(1),
  label: z.string(),
  publishedAt: isoInstant,
  /** One sentence per change from the version before (empty for the first). */
  changes: z.array(z.string()),
});
export type AgendaVersionSummary = z.infer<typeof agendaVersionSummarySchema>;

/** Where the meeting stands against its agenda circulation date. */
export const circulationSchema = z.strictObject({
  due: localDateSchema,
  state: z.enum(['published', 'open', 'near', 'passed']),
});

/**
 * `GET /api/meetings/{meetingId}/agenda`. The coordinator gets the draft (the meeting's cases now,
 * in their order) with what would change on publishing; everyone else who sits on the meeting
 * gets the latest published version, or `agenda: null` before there is one.
 */
export const agendaViewSchema = z.strictObject({
  meetingId: idSchema,
  meetingDate: localDateSchema,
  areaName: z.string(),
  kind: z.enum(['draft', 'published']),
  /** The version shown (published), or the version publishing would make (draft). */
  version: z.number().int().min(1),
  label: z.string(),
  agenda: z.strictObject({ sections: z.array(agendaSectionSchema) }).nullable(),
  /** Draft only: what publishing now would send as changed; null before the first publication. */
  pendingChanges: z.array(z.string()).nullable(),
  versions: z.array(agendaVersionSummarySchema),
  circulation: circulationSchema,
  confidentiality: z.string(),
});
export type AgendaView = z.infer<typeof agendaViewSchema>;

/** `PUT /api/meetings/{meetingId}/agenda/order`: referral ids in the order they will be heard. */
export const agendaOrderBody = z.strictObject({ order: z.array(idSchema).max(200) });

/** `POST /api/meetings/{meetingId}/agenda/late-cases`: an accepted case brought to this meeting. */
export const lateCaseBody = z.strictObject({ referralId: idSchema, reason: shortText(500) });

/** `POST /api/meetings/{meetingId}/agenda/publish` answers with the version and its recipients. */
export const publishedAgendaSchema = z.strictObject({
  version: z.number().int().min(1),
  label: z.string(),
  recipients: z.number().int().min(0),
});

export const deliveryStatusSchema = z.enum(['queued', 'sent', 'failed', 'dead']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** `GET /api/meetings/{meetingId}/agenda/deliveries`: one row per recipient of every version. */
export const agendaDeliverySchema = z.strictObject({
  id: z.string(),
  version: z.number().int().min(1),
  agencyId: idSchema,
  agency: z.string(),
  recipient: z.string(),
  mode: deliveryModeSchema,
  /** failed: the last attempt failed and another is due; dead: no more attempts. */
  status: deliveryStatusSchema,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  sentAt: isoInstant.nullable(),
});
export type AgendaDelivery = z.infer<typeof agendaDeliverySchema>;

/**
 * `POST /api/meetings/{meetingId}/agenda/deliveries/{deliveryId}/resend` (a failed or dead row
 * goes back to the queue; answers with the row) has no body.
 */

/** `GET /api/areas/{areaId}/agenda-warnings`: what the coordinator must act on. Meetings only. */
export const agendaWarningSchema = z.strictObject({
  meetingId: idSchema,
  meetingDate: localDateSchema,
  kind: z.enum(['circulation-near', 'circulation-passed', 'delivery-dead']),
  message: z.string(),
});
export type AgendaWarning = z.infer<typeof agendaWarningSchema>;
