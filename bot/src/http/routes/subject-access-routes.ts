import { z } from 'zod';
import { londonDateOf } from '#core/calendar/london-time.js';
import { idSchema } from '#core/contracts/api.js';
import {
  CASES_HEADER,
  ITEMS_HEADER,
  subjectAccessBody,
  subjectCandidatesSchema,
} from '#core/contracts/subject-access-api.js';
import { produceSubjectAccess } from '#core/subject-access/produce-subject-access.js';
import { renderSubjectAccessPdf } from '../../documents/subject-access-pdf.js';
import { fileAnswer, route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';

/**
 * Subject access (issue #13): the coordinator, and only the coordinator, produces everything held
 * about one person in the areas they coordinate. Not an idempotent create: it writes no record
 * (only the audit of the read), and keeping its answer for a replay would keep a second copy of
 * everything it lists in the idempotency table. Asking twice produces, and audits, twice.
 */
export function subjectAccessRoutes(s: Services): RouteDef[] {
  return [
    route({
      method: 'post',
      path: '/areas/{areaId}/subject-access',
      summary:
        'Everything held about one person (a UK GDPR subject access request), as a PDF to review before disclosure; or, while possible matches are undecided, the candidates (coordinator; audited)',
      tag: 'subject-access',
      policy: { kind: 'area', roles: ['coordinator'], areaOf: async (p) => p.areaId ?? null },
      params: z.strictObject({ areaId: idSchema }),
      body: subjectAccessBody,
      response: subjectCandidatesSchema,
      files: ['application/pdf'],
      fileHeaders: {
        [CASES_HEADER]: 'With the PDF: how many cases it lists (0 when nothing is held)',
        [ITEMS_HEADER]: 'With the PDF: how many items it lists',
      },
      handle: async (ctx) => {
        const principal = ctx.principal!;
        const outcome = await produceSubjectAccess(depsFor(s, ctx), {
          areaId: ctx.params.areaId,
          coordinator: {
            name: principal.name,
            areaIds: principal.roles.filter((r) => r.role === 'coordinator').map((r) => r.areaId),
          },
          body: ctx.body,
        });
        if (outcome.kind === 'candidates') return outcome.view;
        // Audited when the read committed, before the PDF is made: the log records what was read.
        const { report } = outcome;
        const bytes = await renderSubjectAccessPdf(report);
        return fileAnswer({
          mediaType: 'application/pdf',
          filename: `subject-access-${londonDateOf(report.producedAt)}.pdf`,
          bytes,
          // The tab says what was produced (and plainly when nothing was found) without reading
          // the PDF: counts only.
          headers: {
            [CASES_HEADER]: String(report.cases.length),
            [ITEMS_HEADER]: String(report.cases.reduce((n, c) => n + c.items.length, 0)),
          },
        });
      },
    }),
  ];
}
