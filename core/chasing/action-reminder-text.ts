import { londonDateOf, londonTimeOf } from '../calendar/london-time.js';
import { dateInWords } from '../shared/date-words.js';
import { londonDaysBetween } from './london-days.js';

/**
 * The words of an action reminder, for a Teams message or a mail notice. Only the case
 * reference, the due time and a link: no person's name and not the action's words, because a
 * chat message and a mail body are read in notifications, on shared screens and in mail lists.
 * What the action asks is in "My actions" after sign-in.
 */
export function actionReminderText(input: {
  areaName: string;
  reference: string;
  dueAt: Date;
  now: Date;
  link: string;
}): { subject: string; text: string } {
  const { areaName, reference, dueAt, now, link } = input;
  const due = `${dateInWords(londonDateOf(dueAt), 'long')} at ${londonTimeOf(dueAt)} (UK time)`;
  const late = londonDaysBetween(dueAt, now);
  const overdue = now.getTime() >= dueAt.getTime();
  const first = overdue
    ? `MARAC action overdue (${areaName}): your agency's action on case ${reference} was due ${due}${
        late > 0 ? `, ${late} ${late === 1 ? 'day' : 'days'} ago` : ''
      }.`
    : `MARAC action reminder (${areaName}): your agency has an action on case ${reference}, due ${due}.`;
  return {
    subject: overdue ? 'MARAC action overdue' : 'MARAC action reminder',
    text: [
      first,
      '',
      `Open My actions to mark it done, give a new date with a reason, or say why it cannot be done: ${link}`,
      '',
      'This message holds no case details: they are in the MARAC app after you sign in.',
    ].join('\n'),
  };
}
