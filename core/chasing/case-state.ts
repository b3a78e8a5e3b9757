/**
 * Where a case stands once heard: open while any of its actions is incomplete (open or
 * ongoing); closed when every action is done or ended with a reason ('cannot', or 'not-done'
 * at a review), or when none was agreed. A further referral for the same victim within 12
 * months joins the same case as a repeat (the referral's repeat check, `submit-referral.ts`),
 * which puts it on a meeting again: the case is open again from then on, as a repeat.
 */
export function caseState(counts: { incompleteActions: number }): 'open' | 'closed' {
  return counts.incompleteActions > 0 ? 'open' : 'closed';
}
