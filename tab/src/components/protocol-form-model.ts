import { updateProtocolBody as protocolSchema, type Area } from '#core/contracts/api.js';

type MeetingProtocol = Area['protocol'];
type Cadence = MeetingProtocol['cadence'];

/** The protocol form's state (inputs hold text) and its checks, kept apart from the markup. */
export type CadenceKind = Cadence['kind'];
export type NumberField =
  | 'durationMinutes'
  | 'referralDeadlineDays'
  | 'agendaCirculationDays'
  | 'actionPlanHours'
  | 'minutesWorkingDays'
  | 'actionTaskHours'
  | 'repeatWindowMonths'
  | 'caseCapacity';

export interface ProtocolDraft extends Record<NumberField, string> {
  kind: CadenceKind;
  weekday: string;
  nth: string;
  dayOfMonth: string;
  startTime: string;
  region: MeetingProtocol['region'];
  bankHolidayRule: MeetingProtocol['bankHolidayRule'];
}

export type DraftErrors = Partial<Record<keyof ProtocolDraft, string>>;

/** Labels, limits and hints of the number settings; the limits are the contract's. */
export const numberFields: {
  key: NumberField;
  label: string;
  min: number;
  max: number;
  hint: string;
}[] = [
  { key: 'durationMinutes', label: 'Length (minutes)', min: 30, max: 480, hint: '30 to 480' },
  {
    key: 'referralDeadlineDays',
    label: 'Referrals due (days before)',
    min: 1,
    max: 60,
    hint: 'Calendar days; moved earlier to a working day',
  },
  {
    key: 'agendaCirculationDays',
    label: 'Agenda circulated (days before)',
    min: 1,
    max: 60,
    hint: 'Calendar days; moved earlier to a working day',
  },
  {
    key: 'actionPlanHours',
    label: 'Action plan due (hours after)',
    min: 1,
    max: 240,
    hint: 'Hours after the meeting ends',
  },
  {
    key: 'minutesWorkingDays',
    label: 'Minutes due (working days after)',
    min: 1,
    max: 30,
    hint: 'Working days after the meeting',
  },
  {
    key: 'actionTaskHours',
    label: 'Children’s services tasks (hours after)',
    min: 1,
    max: 240,
    hint: 'Hours after the meeting ends',
  },
  {
    key: 'repeatWindowMonths',
    label: 'Repeat referral window (months)',
    min: 1,
    max: 36,
    hint: 'From the last MARAC referral',
  },
  {
    key: 'caseCapacity',
    label: 'Case capacity',
    min: 1,
    max: 60,
    hint: 'Cases a meeting can hear before you are warned',
  },
];

export function draftFrom(p: MeetingProtocol): ProtocolDraft {
  const c = p.cadence;
  const draft = Object.fromEntries(numberFields.map((f) => [f.key, String(p[f.key])]));
  return {
    ...(draft as Record<NumberField, string>),
    kind: c.kind,
    weekday: c.kind === 'monthly-day' ? 'tuesday' : c.weekday,
    nth: c.kind === 'monthly' ? String(c.nth) : '1',
    dayOfMonth: c.kind === 'monthly-day' ? String(c.dayOfMonth) : '1',
    startTime: p.startTime,
    region: p.region,
    bankHolidayRule: p.bankHolidayRule,
  };
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : NaN);

function cadenceFrom(d: ProtocolDraft): unknown {
  if (d.kind === 'fortnightly') return { kind: d.kind, weekday: d.weekday };
  if (d.kind === 'monthly') {
    return { kind: d.kind, weekday: d.weekday, nth: d.nth === 'last' ? 'last' : Number(d.nth) };
  }
  return { kind: d.kind, dayOfMonth: wholeNumber(d.dayOfMonth) };
}

/** Checks the draft with plain-English messages, then with the contract's own schema. */
export function checkDraft(d: ProtocolDraft): { protocol?: MeetingProtocol; errors: DraftErrors } {
  const errors: DraftErrors = {};
  for (const f of numberFields) {
    const n = wholeNumber(d[f.key]);
    if (Number.isNaN(n) || n < f.min || n > f.max) {
      errors[f.key] = `Enter a whole number from ${f.min} to ${f.max}.`;
    }
  }
  if (d.kind === 'monthly-day') {
    const day = wholeNumber(d.dayOfMonth);
    if (Number.isNaN(day) || day < 1 || day > 28) {
      errors.dayOfMonth = 'Enter a day from 1 to 28, so that every month has the meeting.';
    }
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d.startTime)) {
    errors.startTime = 'Enter a 24-hour time such as 10:00.';
  }
  const referral = wholeNumber(d.referralDeadlineDays);
  const agenda = wholeNumber(d.agendaCirculationDays);
  if (!errors.agendaCirculationDays && !errors.referralDeadlineDays && agenda > referral) {
    errors.agendaCirculationDays =
      'The agenda would go out before referrals close: make this no more than the referral days.';
  }
  if (Object.keys(errors).length > 0) return { errors };

  const candidate = {
    ...Object.fromEntries(numberFields.map((f) => [f.key, wholeNumber(d[f.key])])),
    cadence: cadenceFrom(d),
    startTime: d.startTime,
    region: d.region,
    bankHolidayRule: d.bankHolidayRule,
  };
  const parsed = protocolSchema.safeParse(candidate);
  if (parsed.success) return { protocol: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[issue.path.length - 1] ?? 'kind') as keyof ProtocolDraft;
    errors[key] ??= issue.message;
  }
  return { errors };
}
