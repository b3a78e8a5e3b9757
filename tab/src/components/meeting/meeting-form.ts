import {
  MEETING_TEXT_LIMITS,
  type MeetingAction,
  type UrgentKind,
} from '#core/contracts/meeting-api.js';
import type { ActionBody, ReviewBody } from '../../api/meeting-run.js';
import type { Problem } from '../referrals/form/check-referral.js';

/** The action form as typed: '' until the person chooses or types. */
export interface ActionForm {
  ownerAgencyId: string;
  ownerPerson: string;
  what: string;
  dueDate: string;
  dueTime: string;
  risk: string;
  /** 'no', or the kind of urgent child safeguarding decision; '' until chosen. */
  urgent: '' | 'no' | UrgentKind;
}

export const EMPTY_ACTION: ActionForm = {
  ownerAgencyId: '',
  ownerPerson: '',
  what: '',
  dueDate: '',
  dueTime: '',
  risk: '',
  urgent: '',
};

export const ACTION_LABELS: Record<keyof ActionForm, string> = {
  ownerAgencyId: 'Owner agency',
  ownerPerson: 'Named person (optional)',
  what: 'What exactly',
  dueDate: 'Due date',
  dueTime: 'Due time',
  risk: 'The risk it addresses',
  urgent: 'Urgent child safeguarding decision',
};

export function actionFormOf(action: MeetingAction): ActionForm {
  return {
    ownerAgencyId: action.ownerAgencyId,
    ownerPerson: action.ownerPerson ?? '',
    what: action.what,
    dueDate: action.dueDate,
    dueTime: action.dueTime,
    risk: action.risk,
    urgent: action.urgent ?? 'no',
  };
}

const tooLong = (label: string, max: number) =>
  `${label}: use ${max.toLocaleString('en-GB')} characters or fewer`;

/** What the form lacks, in words, in the order the fields appear. */
export function checkAction(form: ActionForm, prefix: string): Problem[] {
  const out: Problem[] = [];
  const need = (key: keyof ActionForm, message: string) =>
    out.push({ path: `${prefix}.${key}`, message: `${ACTION_LABELS[key]}: ${message}` });
  if (!form.ownerAgencyId) need('ownerAgencyId', 'choose the agency that owns the action');
  if (form.ownerPerson.trim().length > MEETING_TEXT_LIMITS.ownerPerson)
    out.push({
      path: `${prefix}.ownerPerson`,
      message: tooLong('Named person', MEETING_TEXT_LIMITS.ownerPerson),
    });
  if (!form.what.trim()) need('what', 'say exactly what will be done');
  else if (form.what.trim().length > MEETING_TEXT_LIMITS.what)
    out.push({
      path: `${prefix}.what`,
      message: tooLong('What exactly', MEETING_TEXT_LIMITS.what),
    });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate)) need('dueDate', 'enter the date it is due by');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.dueTime))
    need('dueTime', 'enter a 24-hour time such as 14:30');
  if (!form.risk.trim()) need('risk', 'say which risk the action addresses');
  else if (form.risk.trim().length > MEETING_TEXT_LIMITS.risk)
    out.push({
      path: `${prefix}.risk`,
      message: tooLong('The risk it addresses', MEETING_TEXT_LIMITS.risk),
    });
  if (!form.urgent) need('urgent', 'choose no, or the kind of urgent decision');
  return out;
}

export function actionBodyOf(form: ActionForm): ActionBody {
  return {
    ownerAgencyId: form.ownerAgencyId,
    ownerPerson: form.ownerPerson.trim() || null,
    what: form.what,
    dueDate: form.dueDate,
    dueTime: form.dueTime,
    risk: form.risk,
    urgent: form.urgent === 'no' || form.urgent === '' ? null : form.urgent,
  };
}

/** A review of an earlier action as chosen: '' until chosen. */
export interface ReviewForm {
  outcome: '' | 'done' | 'ongoing' | 'not-done';
  dueDate: string;
  dueTime: string;
  reason: '' | 'circumstances-changed' | 'agency-did-not-act';
}

export const EMPTY_REVIEW: ReviewForm = { outcome: '', dueDate: '', dueTime: '', reason: '' };

export function checkReview(form: ReviewForm, prefix: string): Problem[] {
  const at = (key: string) => `${prefix}.${key}`;
  if (!form.outcome)
    return [{ path: at('outcome'), message: 'Outcome: choose done, ongoing or not done' }];
  const out: Problem[] = [];
  if (form.outcome === 'ongoing') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate))
      out.push({ path: at('dueDate'), message: 'New due date: enter the date it is now due by' });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.dueTime))
      out.push({
        path: at('dueTime'),
        message: 'New due time: enter a 24-hour time such as 14:30',
      });
  }
  if (form.outcome === 'not-done' && !form.reason)
    out.push({
      path: at('reason'),
      message: 'Why it was not done: choose circumstances changed or the agency did not act',
    });
  return out;
}

export function reviewBodyOf(form: ReviewForm, version: number): ReviewBody {
  if (form.outcome === 'ongoing')
    return { outcome: 'ongoing', dueDate: form.dueDate, dueTime: form.dueTime, version };
  if (form.outcome === 'not-done')
    return { outcome: 'not-done', reason: form.reason as 'circumstances-changed', version };
  return { outcome: 'done', version };
}

/**
 * The server's 400 details as problems on this form's fields: `body.what` is `<prefix>.what`.
 * The server writes its messages in words; a path it names that the form lacks goes to the top.
 */
export function serverFormProblems(
  details: { path: string; message: string }[],
  prefix: string,
  fields: readonly string[],
): Problem[] {
  return details.map((d) => {
    const key = d.path.replace(/^body\./, '');
    return {
      path: fields.includes(key) ? `${prefix}.${key}` : `${prefix}.${fields[0]}`,
      message: d.message,
    };
  });
}
