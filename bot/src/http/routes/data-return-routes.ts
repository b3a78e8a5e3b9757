import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import {
  dataReturnQuery,
  dataReturnSchema,
  type DataReturn,
} from '#core/contracts/data-return-api.js';
import { dataReturnCsv } from '#core/reporting/data-return-csv.js';
import { readDataReturn } from '#core/reporting/read-data-return.js';
import { dataReturnXlsx, XLSX_MEDIA_TYPE } from '../../documents/data-return-xlsx.js';
import { fileAnswer, route, type RequestContext, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea } from './area-of.js';

type Context = RequestContext<{ areaId: string }, z.infer<typeof dataReturnQuery>, unknown>;

/** The return as the caller may read it: the case references for the area's coordinator only. */
function readFor(s: Services, ctx: Context, exported?: 'csv' | 'xlsx'): Promise<DataReturn> {
  const { areaId } = ctx.params;
  const coordinator = ctx.principal!.roles.some(
    (r) => r.areaId === areaId && r.role === 'coordinator',
  );
  return readDataReturn(depsFor(s, ctx), {
    areaId,
    quarter: ctx.query.quarter,
    references: coordinator,
    ...(exported ? { export: exported } : {}),
  });
}

/** `marac-data-return-NBW-2027-Q1.csv` (an area without a code: `marac-data-return-2027-Q1`). */
const filename = (answer: DataReturn, extension: string) =>
  `marac-data-return-${answer.area.code ? `${answer.area.code}-` : ''}${answer.quarter}.${extension}`;

/**
 * The quarterly SafeLives MARAC data return (issue #13). The coordinator, who makes the return,
 * and an admin, who keeps the system for the partnership; the case references behind each
 * figure (the drill-down) go to the coordinator only: an admin reads the counts. The same return
 * downloads as CSV (the command line's rows) and as an Excel workbook, made on the server so
 * that the file is the record's, with the same roles, the same rule for references, and each
 * download audited as an export. `/api` answers carry `Cache-Control: no-store`
 * (security-headers.ts): no copy is kept by a browser or a proxy.
 */
export function dataReturnRoutes(s: Services): RouteDef[] {
  const common = {
    method: 'get',
    tag: 'reporting',
    policy: { kind: 'area', roles: ['coordinator', 'admin'], areaOf: areaOfArea(s) },
    params: z.strictObject({ areaId: idSchema }),
    query: dataReturnQuery,
  } as const;
  return [
    route({
      ...common,
      path: '/areas/{areaId}/data-return',
      summary:
        "The area's quarterly SafeLives MARAC data return (?quarter=2027-Q1): each meeting of the quarter and the totals, with the case references behind each figure for the coordinator",
      response: dataReturnSchema,
      handle: (ctx) => readFor(s, ctx),
    }),
    route({
      ...common,
      path: '/areas/{areaId}/data-return.csv',
      summary:
        'The data return as CSV (RFC 4180, UTF-8): a row per figure of the quarter and of each meeting, as `npx marac data-return --csv` prints it (the case references: the coordinator only)',
      response: z.never(),
      files: ['text/csv'],
      handle: async (ctx) => {
        const answer = await readFor(s, ctx, 'csv');
        // A byte order mark first: Excel reads a CSV without one in the machine's code page.
        const text = `\uFEFF${dataReturnCsv(answer)}`;
        return fileAnswer({
          mediaType: 'text/csv',
          filename: filename(answer, 'csv'),
          bytes: Buffer.from(text, 'utf8'),
        });
      },
    }),
    route({
      ...common,
      path: '/areas/{areaId}/data-return.xlsx',
      summary:
        'The data return as an Excel workbook: a sheet of the quarter totals (the area, quarter, dates and warnings at the top) and one of the meetings (the case references: the coordinator only)',
      response: z.never(),
      files: [XLSX_MEDIA_TYPE],
      handle: async (ctx) => {
        const answer = await readFor(s, ctx, 'xlsx');
        return fileAnswer({
          mediaType: XLSX_MEDIA_TYPE,
          filename: filename(answer, 'xlsx'),
          bytes: await dataReturnXlsx(answer),
        });
      },
    }),
  ];
}
