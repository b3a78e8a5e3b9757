import type { AgendaView, DeliveryMode, DeliveryStatus } from '#core/contracts/agenda-api.js';
import { formatDate } from '../../format/dates.js';

/** The words the tab shows for the agenda's codes. */

/** How an agency receives the agenda, in a few words (tables) and in a sentence (the dialog). */
export const MODE_WORDS: Record<DeliveryMode, string> = {
  smime: 'S/MIME encrypted email',
  password: 'Password-protected attachment',
  purview: 'Purview encrypted email',
  link: 'Notice with a link to the app',
};

export const MODE_HINTS: Record<DeliveryMode, string> = {
  smime:
    'The agenda is encrypted to each rep’s own certificate; only the core rep and the deputy can open it.',
  password:
    'The agenda is an encrypted attachment; its password goes to each rep in a separate Teams message.',
  purview:
    'The agenda goes in the mail and the organisation’s mail rule applies Microsoft Purview encryption (do not forward).',
  link: 'Reps get a notice only; they read the agenda in this app after signing in.',
};

export const MODES: readonly DeliveryMode[] = ['smime', 'password', 'purview', 'link'];

export const STATUS_WORDS: Record<DeliveryStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed, trying again',
  dead: 'Failed, stopped trying',
};

export const STATUS_COLOURS = {
  queued: 'informative',
  sent: 'success',
  failed: 'warning',
  dead: 'danger',
} as const;

type Section = NonNullable<AgendaView['agenda']>['sections'][number];

/** The SafeLives order: each section's heading, numbered as the chair reads them out. */
export const SECTION_TITLES: Record<Section['kind'], string> = {
  introductions: 'Introductions and confidentiality',
  'actions-review': 'Review of incomplete actions from the last meeting',
  'cases-with-children': 'Cases involving children',
  'adult-cases': 'Adult-only cases',
  'twelve-months': 'Cases where 12 months have passed since the last MARAC',
  'other-business': 'Any other business',
};

/** Where the meeting stands against its circulation date, in words. */
export function circulationWords(c: AgendaView['circulation']): {
  text: string;
  intent: 'success' | 'info' | 'warning' | 'error';
} {
  const due = formatDate(c.due);
  switch (c.state) {
    case 'published':
      return { text: `Published. The agenda was due to go out by ${due}.`, intent: 'success' };
    case 'open':
      return { text: `Not published yet. The agenda is due to go out by ${due}.`, intent: 'info' };
    case 'near':
      return {
        text: `Nothing published yet and the agenda is due to go out by ${due}. Publish it soon.`,
        intent: 'warning',
      };
    case 'passed':
      return {
        text: `Nothing published and the circulation date, ${due}, has passed. Publish the agenda now.`,
        intent: 'error',
      };
  }
}
