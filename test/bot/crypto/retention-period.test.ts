import {
  areaPeriod,
  dueQuarterEnded,
  parsePeriod,
  periodEnded,
  periodLastDay,
  transientPeriod,
} from '../../../bot/src/crypto/retention-period.js';

const AREA = '0b7c8e2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';

describe('retention periods', () => {
  it.each([
    ['2033-01-01', '2026-12-01', `${AREA}-2033-q1`],
    ['2033-03-31', '2026-12-01', `${AREA}-2033-q1`],
    ['2033-04-01', '2026-12-01', `${AREA}-2033-q2`],
    ['2033-09-30', '2026-12-01', `${AREA}-2033-q3`],
    ['2033-12-31', '2026-12-01', `${AREA}-2033-q4`],
    // Already overdue (a retention shortened): filed in the current quarter, never an ended one.
    ['2025-05-01', '2026-12-01', `${AREA}-2026-q4`],
    ['2026-10-01', '2026-12-01', `${AREA}-2026-q4`],
  ])('records of an area due on %s (today %s) go under %s', (due, today, period) => {
    expect(areaPeriod(AREA, due, today)).toBe(period);
    expect(parsePeriod(period)).toMatchObject({ kind: 'area', areaId: AREA });
  });

  it.each([
    [`${AREA}-2027-q1`, '2027-03-31'],
    [`${AREA}-2027-q2`, '2027-06-30'],
    [`${AREA}-2027-q3`, '2027-09-30'],
    [`${AREA}-2027-q4`, '2027-12-31'],
    ['transient-2026-12-30', '2027-01-01'],
  ])('the key of %s is needed until %s, and may go the day after', (period, last) => {
    expect(periodLastDay(period)).toBe(last);
    expect(periodEnded(period, last)).toBe(false);
    const next = new Date(`${last}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(periodEnded(period, next.toISOString().slice(0, 10))).toBe(true);
  });

  it.each([
    ['2027-12-15', '2027-12-31', false],
    ['2027-12-15', '2028-01-01', true],
    ['2028-01-01', '2028-01-15', false],
    ['2027-02-28', '2027-04-01', true],
  ])('records due on %s are past keeping on %s: %s', (due, today, ended) => {
    expect(dueQuarterEnded(due, today)).toBe(ended);
  });

  it.each([
    'transient-2026-02-30',
    `${AREA}-2027-q5`,
    `${AREA.toUpperCase()}-2027-q1`,
    '../kek',
    `${AREA}-2027-q1.json`,
    '',
  ])('refuses %j as a period (it names files and Key Vault keys)', (id) => {
    expect(parsePeriod(id)).toBeNull();
  });

  it('makes day periods for idempotency answers', () => {
    expect(transientPeriod('2026-12-01')).toBe('transient-2026-12-01');
    expect(parsePeriod('transient-2026-12-01')).toEqual({ kind: 'transient', day: '2026-12-01' });
  });
});
