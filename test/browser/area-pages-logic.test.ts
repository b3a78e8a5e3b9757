/**
 * The area's report pages by their address: `/dashboard/{areaId}`, `/subject-access/{areaId}`
 * and `/recode/{areaId}` open their page for that area; without an area, or with one that is not
 * an id, the address opens the coordinator's screen. (The data return, with its quarter, is in
 * data-return.test.ts.)
 */
import {
  dashboardAreaId,
  recodeAreaId,
  routeFor,
  subjectAccessAreaId,
} from '../../tab/src/routes.js';

const AREA = '11111111-1111-4111-8111-111111111111';

describe.each([
  ['dashboard', dashboardAreaId],
  ['subject-access', subjectAccessAreaId],
  ['recode', recodeAreaId],
] as const)('/%s', (page, areaIdOf) => {
  it.each([
    [`/${page}/${AREA}`, page, AREA],
    [`/${page}/${AREA.toUpperCase()}/`, page, AREA],
    [`/${page}`, 'coordinator', null],
    [`/${page}/not-an-id`, 'coordinator', null],
  ])('%s opens the %s page for area %s', (path, route, id) => {
    expect(routeFor(path)).toBe(route);
    expect(areaIdOf(path)).toBe(id);
  });
});
