import type {
  Attendance,
  CaseState,
  RunCase,
  Seat,
  UrgentKind,
} from '#core/contracts/meeting-api.js';

/** The words the meeting screens use for the contract's values. */
export const SEAT_WORDS: Record<Seat, string> = {
  chair: 'Chair',
  coordinator: 'Coordinator',
  rep: 'Agency representative',
  idva: 'IDVA',
  observer: 'Observer',
};

export const CASE_STATE_WORDS: Record<CaseState, string> = {
  waiting: 'Waiting',
  current: 'Being heard now',
  heard: 'Heard',
  deferred: 'Deferred',
};

export const ATTENDANCE_OPTIONS: readonly (readonly [Attendance, string])[] = [
  ['present', 'Present'],
  ['apologies', 'Apologies'],
];

export const URGENT_WORDS: Record<UrgentKind, string> = {
  'childrens-services-referral': 'Referral to children’s services now',
  'strategy-discussion': 'Strategy discussion',
};

export const REVIEW_OPTIONS = [
  ['done', 'Done'],
  ['ongoing', 'Ongoing: a new date'],
  ['not-done', 'Not done'],
] as const;

export const NOT_DONE_OPTIONS = [
  ['circumstances-changed', 'Circumstances changed'],
  ['agency-did-not-act', 'The agency did not act'],
] as const;

/** Seconds as mm:ss (minutes past 59 keep counting: 75:02). */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  return `${String(minutes).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** Seconds spent on a case so far: what was spent before, and the running part if current. */
export function secondsOn(item: RunCase, now: Date): number {
  if (!item.currentSince) return item.secondsSpent;
  const running = Math.floor((now.getTime() - Date.parse(item.currentSince)) / 1000);
  return item.secondsSpent + Math.max(0, running);
}

/** The timer in words, so being over the target is not told by colour alone. */
export function timerWords(
  seconds: number,
  targetMinutes: number,
): { text: string; over: boolean } {
  const target = targetMinutes * 60;
  const over = seconds > target;
  const text = over
    ? `${clock(seconds)}: over the ${targetMinutes} minute target by ${clock(seconds - target)}`
    : `${clock(seconds)} of ${targetMinutes} minutes`;
  return { text, over };
}

/** The case after the current one that still waits, in running order; null when none waits. */
export function nextWaiting(cases: readonly RunCase[], currentId: string | null): RunCase | null {
  const from = cases.findIndex((c) => c.referralId === currentId);
  const after = cases.slice(from + 1).find((c) => c.state === 'waiting');
  return after ?? cases.find((c) => c.state === 'waiting') ?? null;
}
