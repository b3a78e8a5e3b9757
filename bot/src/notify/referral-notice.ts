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

/** "Tue 15 Dec 2026": the way the tab writes dates, without the comma Intl puts after the day. */
function britishDate(date: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${date}T00:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}
