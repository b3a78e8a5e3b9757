import type { RunRecord } from '../ports/meeting-run.js';
import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { deadlineInWords } from '../research/research-deadline.js';

/** Where a write of notes or actions stands: during the meeting, or a correction after close. */
export interface WriteState {
  run: RunRecord;
  /** After close: the write is a correction, with its reason. */
  correction: { reason: string } | null;
}

/**
 * Notes and actions are written while the meeting runs; after close the record is frozen and a
 * change is a correction that says why. A reason given while the meeting still runs is refused
 * too: it would read, later, as if the record had been corrected.
 */
export async function writeStateOf(
  repos: Repos,
  meetingId: string,
  correctionReason: string | undefined,
): Promise<WriteState> {
  const run = await startedRun(repos, meetingId);
  if (run.state === 'closed') {
    if (!correctionReason) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The meeting is closed and its record frozen: say why you are correcting it.',
        [
          {
            path: 'correctionReason',
            message: 'Reason for the correction: enter why it is needed',
          },
        ],
      );
    }
    return { run, correction: { reason: correctionReason } };
  }
  if (correctionReason !== undefined) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The meeting is still running: a correction reason is only for changes after it closes.',
      [
        {
          path: 'correctionReason',
          message: 'Reason for the correction: leave it out until the meeting closes',
        },
      ],
    );
  }
  return { run, correction: null };
}

async function startedRun(repos: Repos, meetingId: string): Promise<RunRecord> {
  const run = await repos.meetingRun.run(meetingId);
  if (run) return run;
  throw new DomainError(
    'CONFLICT',
    'The meeting has not started: notes, actions and the review are recorded once the chair starts it.',
  );
}

/**
 * The meeting is running: where a new action is agreed and earlier actions are reviewed. After
 * close the record is frozen; only what it holds can be corrected.
 */
export async function requireRunning(
  repos: Repos,
  meetingId: string,
  what: string,
): Promise<RunRecord> {
  const run = await startedRun(repos, meetingId);
  if (run.state === 'in-progress') return run;
  throw new DomainError(
    'CONFLICT',
    `The meeting is closed and its record frozen: ${what}. Raise it at the next meeting.`,
  );
}

/** A name for a person id, as the meeting shows who saved what. */
export async function nameOf(repos: Repos, personId: string | null): Promise<string | null> {
  if (personId === null) return null;
  const names = await repos.meetingRun.names([personId]);
  return names.get(personId) ?? 'A former member of the meeting';
}

/**
 * The writer started from an older version than the one stored: someone else saved since.
 * Nothing is overwritten; the message says who and when, so the writer can read it and redo.
 */
export async function requireVersion(
  repos: Repos,
  what: string,
  stored: { version: number; updatedBy: string | null; updatedAt: Date | null },
  startedFrom: number,
): Promise<void> {
  if (stored.version === startedFrom) return;
  const who = (await nameOf(repos, stored.updatedBy)) ?? 'Someone';
  const when = stored.updatedAt ? ` at ${deadlineInWords(stored.updatedAt)}` : '';
  throw new DomainError(
    'VERSION_CONFLICT',
    `${who} saved ${what}${when} while you were editing. Nothing was overwritten: read their change, then make yours again.`,
  );
}
