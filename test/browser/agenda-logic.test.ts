/**
 * The agenda screens' decisions as plain functions: moves stay within a case's group, the
 * delivery dialog's own checks, which server problems belong to a field, and the agenda's path.
 */
import type { AgendaView } from '#core/contracts/agenda-api.js';
import { circulationWords } from '../../tab/src/components/agenda/agenda-words.js';
import { checkDelivery } from '../../tab/src/components/agenda/check-delivery.js';
import { fieldProblems } from '../../tab/src/components/agenda/field-problems.js';
import { countCertificates } from '../../tab/src/components/agenda/pem-files.js';
import { caseOrder, moveWithinGroup } from '../../tab/src/components/agenda/reorder.js';
import { agendaMeetingId, routeFor } from '../../tab/src/routes.js';

type Sections = NonNullable<AgendaView['agenda']>['sections'];
const aCase = (referralId: string) => ({ referralId }) as never;
const sections: Sections = [
  { kind: 'introductions' },
  { kind: 'cases-with-children', cases: [aCase('c1'), aCase('c2')] },
  { kind: 'adult-cases', cases: [aCase('a1'), aCase('a2'), aCase('a3')] },
  { kind: 'other-business' },
];

describe('moving a case', () => {
  it('keeps cases with children first', () => {
    expect(caseOrder(sections)).toEqual(['c1', 'c2', 'a1', 'a2', 'a3']);
  });
  it.each([
    ['c2', -1, ['c2', 'c1', 'a1', 'a2', 'a3']],
    ['a1', 1, ['c1', 'c2', 'a2', 'a1', 'a3']],
    ['a3', -1, ['c1', 'c2', 'a1', 'a3', 'a2']],
  ] as const)('moves %s by %i within its group', (id, by, order) => {
    expect(moveWithinGroup(sections, id, by)).toEqual(order);
  });
  it.each([
    ['c2', 1],
    ['a1', -1],
    ['c1', -1],
    ['a3', 1],
    ['nowhere', 1],
  ] as const)('never moves %s by %i out of its group', (id, by) => {
    expect(moveWithinGroup(sections, id, by)).toBeNull();
  });
});

describe('the delivery dialog', () => {
  const base = { agency: 'Riverside Police', pem: '', storedCertificates: 0 };
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
  it('asks for a mode: none is chosen for the coordinator', () => {
    expect(checkDelivery({ ...base, mode: '' })).toEqual([
      { path: 'mode', message: 'Choose how Riverside Police receives the agenda.' },
    ]);
  });
  it('needs certificates for S/MIME unless some are on record', () => {
    expect(checkDelivery({ ...base, mode: 'smime' })[0]?.path).toBe('certificatePem');
    expect(checkDelivery({ ...base, mode: 'smime', storedCertificates: 2 })).toEqual([]);
    expect(checkDelivery({ ...base, mode: 'smime', pem: 'hello' })[0]?.message).toMatch(
      /BEGIN CERTIFICATE/,
    );
    expect(checkDelivery({ ...base, mode: 'smime', pem: `${pem}\n${pem}` })).toEqual([]);
    expect(countCertificates(`${pem}\n${pem}`)).toBe(2);
  });
  it('needs nothing more for the other modes', () => {
    for (const mode of ['password', 'purview', 'link'] as const)
      expect(checkDelivery({ ...base, mode })).toEqual([]);
  });
});

describe("the server's problems", () => {
  it('go to the field they name, once each', () => {
    expect(
      fieldProblems(
        [
          { path: 'body.certificatePem', message: 'Certificates: one is out of date.' },
          { path: 'body.certificatePem', message: 'Certificates: another.' },
        ],
        ['mode', 'certificatePem'],
      ),
    ).toEqual([{ path: 'certificatePem', message: 'Certificates: one is out of date.' }]);
  });
  it('are shown as a general error when one is about something else', () => {
    expect(fieldProblems([{ path: 'params.agencyId', message: 'x' }], ['mode'])).toBeNull();
    expect(fieldProblems([], ['mode'])).toBeNull();
  });
});

describe('the agenda page', () => {
  const id = '0b7c6d2e-3f4a-4b5c-8d9e-0f1a2b3c4d5e';
  it('is found by its path', () => {
    expect(routeFor(`/agenda/${id}`)).toBe('agenda');
    expect(agendaMeetingId(`/agenda/${id}/`)).toBe(id);
    expect(routeFor('/agenda/not-an-id')).toBe('coordinator');
    expect(agendaMeetingId('/')).toBeNull();
  });
  it('is found from the link a notice carries', () => {
    expect(routeFor('/agenda')).toBe('agenda');
    expect(agendaMeetingId('/agenda', `?meeting=${id}`)).toBe(id);
    expect(agendaMeetingId('/agenda', '?meeting=nonsense')).toBeNull();
    expect(agendaMeetingId('/agenda')).toBeNull();
  });
  it('says where the meeting stands in words', () => {
    expect(circulationWords({ due: '2026-12-03', state: 'passed' })).toEqual({
      text: 'Nothing published and the circulation date, Thu 3 Dec 2026, has passed. Publish the agenda now.',
      intent: 'error',
    });
  });
});
