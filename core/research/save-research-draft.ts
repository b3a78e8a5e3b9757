import type { ResearchStatusRecord } from '../ports/research.js';
import type { ResearchDeps } from './research-deps.js';
import { writeResearch, type ResearchWrite } from './write-research.js';

/**
 * Saves what a rep has typed so far on one case (shape and limits checked, nothing required),
 * until the research deadline. A submitted response is changed by submitting again.
 */
export function saveResearchDraft(
  deps: ResearchDeps,
  input: ResearchWrite,
): Promise<ResearchStatusRecord> {
  return writeResearch(deps, input, 'draft');
}
