import { dateInWords } from '#core/shared/date-words.js';

/**
 * What a referrer is told in Teams when their referral moves on. Only the reference and the status:
 * a chat message shows on lock screens and in notifications, so it never holds a name or the
 * coordinator's note (that is in the tab, behind sign-in and a permission check).
 */
export function referralNotice(input: {
  reference: string;
  status: string;
  meetingDate: string | null;
}): string {
  const { reference, status, meetingDate } = input;
  switch (status) {
    case 'submitted':
      return `Your MARAC referral ${reference} has reached the coordinator.`;
    case 'accepted':
      return meetingDate
        ? `Your MARAC referral ${reference} is accepted for the MARAC on ${britishDate(meetingDate)}.`
        : `Your MARAC referral ${reference} is accepted.`;
    case 'moved':
      // The meeting changed (cancelled, moved, or the case moved by hand): the new date is all.
      return meetingDate
        ? `Your MARAC referral ${reference} is accepted and now on the MARAC on ${britishDate(meetingDate)}.`
        : `Your MARAC referral ${reference} is accepted; its meeting has changed. Open the MARAC app for the new date.`;
    case 'needs-information':
      return `The MARAC coordinator needs more information on referral ${reference}. Open the MARAC app to see what is needed.`;
    case 'declined':
      return `Your MARAC referral ${reference} was not accepted for MARAC. Open the MARAC app to see the coordinator's reason.`;
    default:
      return `Your MARAC referral ${reference} has changed. Open the MARAC app for details.`;
  }
}

/** "Tue 15 Dec 2026": the way the tab writes dates. */
const britishDate = (date: string): string => dateInWords(date, 'short');
