import type { Problem } from '../referrals/form/check-referral.js';

/**
 * The server's 400 details that belong to a dialog's own fields (`body.reason` -> `reason`), as
 * problems the error summary links to; null when any detail is about something else, which is
 * then shown as a general error instead.
 */
export function fieldProblems(
  details: { path: string; message: string }[],
  fields: readonly string[],
): Problem[] | null {
  if (details.length === 0) return null;
  const problems: Problem[] = [];
  for (const d of details) {
    const field = fields.find((f) => d.path === f || d.path.endsWith(`.${f}`));
    if (!field) return null;
    if (!problems.some((p) => p.path === field)) problems.push({ path: field, message: d.message });
  }
  return problems;
}
