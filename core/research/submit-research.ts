import type { ResearchStatusRecord } from '../ports/research.js';
import type { ResearchDeps } from './research-deps.js';
import { writeResearch, type ResearchWrite } from './write-research.js';

/**
 * Submits an agency's research on one case: every answer that becomes a recorded fact is
 * required (known to the agency, the facts when it is, flagged records, why anything was held
 * back). Submitting again before the deadline replaces it; after the deadline it is refused.
 */
export function submitResearch(
  deps: ResearchDeps,
  input: ResearchWrite,
): Promise<ResearchStatusRecord> {
  return writeResearch(deps, input, 'submit');
}
