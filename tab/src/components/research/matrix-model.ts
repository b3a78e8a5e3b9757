import type { ResearchMatrix } from '#core/contracts/research-api.js';
import { answered } from './research-words.js';

export type MatrixCell = ResearchMatrix['cells'][number];

/**
 * The matrix as the screens read it: every case by every agency (a cell the server has not made
 * yet reads "not sent"), and the totals per agency and per case.
 */
export function matrixModel(matrix: ResearchMatrix) {
  const byKey = new Map(matrix.cells.map((c) => [`${c.referralId}:${c.agencyId}`, c]));
  const cell = (referralId: string, agencyId: string): MatrixCell =>
    byKey.get(`${referralId}:${agencyId}`) ?? {
      referralId,
      agencyId,
      status: 'not-sent',
      submittedBy: null,
      submittedAt: null,
    };
  const agencyAnswered = (agencyId: string) =>
    matrix.cases.filter((c) => answered(cell(c.referralId, agencyId))).length;
  const caseAnswered = (referralId: string) =>
    matrix.agencies.filter((a) => answered(cell(referralId, a.agencyId))).length;
  const outstanding = (agencyId: string) => matrix.cases.length - agencyAnswered(agencyId);
  return { cell, agencyAnswered, caseAnswered, outstanding };
}

export type MatrixModel = ReturnType<typeof matrixModel>;
