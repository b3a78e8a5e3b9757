import type { ActionOutcomeInput } from '#core/contracts/action-api.js';
import type { Problem } from '../referrals/form/check-referral.js';

/** What the owner fills in on one action: nothing chosen and nothing typed until they do. */
export interface OutcomeForm {
  outcome: '' | 'done' | 'update' | 'cannot';
  note: string;
  dueDate: string;
  dueTime: string;
  reason: string;
}

export const EMPTY_OUTCOME: OutcomeForm = {
  outcome: '',
  note: '',
  dueDate: '',
  dueTime: '',
  reason: '',
};

export const OUTCOME_OPTIONS = [
  ['done', 'Done'],
  ['update', 'A new due date'],
  ['cannot', 'It cannot be done'],
] as const;

/** The problems a person can put right before anything is sent, each naming its field. */
export function checkOutcome(form: OutcomeForm, prefix: string): Problem[] {
  const at = (key: string) => `${prefix}.${key}`;
  if (!form.outcome)
    return [
      {
        path: at('outcome'),
        message: 'What happened: choose done, a new due date or it cannot be done',
      },
    ];
  const out: Problem[] = [];
  if (form.outcome === 'done' && !form.note.trim())
    out.push({ path: at('note'), message: 'What was done: enter what your agency did' });
  if (form.outcome === 'update') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate))
      out.push({ path: at('dueDate'), message: 'New due date: enter the date it is now due by' });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.dueTime))
      out.push({
        path: at('dueTime'),
        message: 'New due time: enter a 24-hour time such as 14:30',
      });
  }
  if (form.outcome !== 'done' && !form.reason.trim())
    out.push({
      path: at('reason'),
      message:
        form.outcome === 'update'
          ? 'Why the date changes: enter the reason'
          : 'Why it cannot be done: enter the reason',
    });
  return out;
}

export function outcomeBodyOf(form: OutcomeForm, version: number): ActionOutcomeInput {
  if (form.outcome === 'done') return { outcome: 'done', note: form.note, version };
  if (form.outcome === 'update')
    return {
      outcome: 'update',
      dueDate: form.dueDate,
      dueTime: form.dueTime,
      reason: form.reason,
      version,
    };
  return { outcome: 'cannot', reason: form.reason, version };
}
