import type { z } from 'zod';
import {
  CASES_HEADER,
  ITEMS_HEADER,
  type subjectAccessBody,
  type SubjectCandidatesView,
} from '#core/contracts/subject-access-api.js';
import { londonToday } from '../format/dates.js';
import { requestDocument } from './client.js';

/** Typed call to the subject access route (core/contracts/subject-access-api.ts). */
export type SubjectAccessBody = z.input<typeof subjectAccessBody>;
export type { SubjectCandidatesView };

/** The PDF produced: to save under its name; how many cases and items it lists. */
export interface SubjectAccessPdf {
  blob: Blob;
  filename: string;
  /** Null when the answer did not say (an older server). */
  cases: number | null;
  items: number | null;
}

const count = (headers: Headers, name: string) => {
  const text = headers.get(name);
  const value = Number(text);
  return text !== null && text !== '' && Number.isInteger(value) && value >= 0 ? value : null;
};

export const subjectAccessApi = {
  /** The candidates to decide, or the PDF once nothing is left to decide. */
  async ask(
    areaId: string,
    body: SubjectAccessBody,
  ): Promise<
    { kind: 'candidates'; view: SubjectCandidatesView } | { kind: 'pdf'; pdf: SubjectAccessPdf }
  > {
    const answer = await requestDocument<SubjectCandidatesView>(
      `/api/areas/${encodeURIComponent(areaId)}/subject-access`,
      { method: 'POST', body, fallbackName: `subject-access-${londonToday()}.pdf` },
    );
    if (answer.json) return { kind: 'candidates', view: answer.json };
    const { blob, filename, headers } = answer.file;
    return {
      kind: 'pdf',
      pdf: {
        blob,
        filename,
        cases: count(headers, CASES_HEADER),
        items: count(headers, ITEMS_HEADER),
      },
    };
  },
};
