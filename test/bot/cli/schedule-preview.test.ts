import { schedulePreview } from '../../../bot/src/cli/schedule-preview.js';

const KEYS = [
  'date',
  'startsAt',
  'referralDeadline',
  'agendaCirculation',
  'actionPlanDue',
  'minutesDue',
  'movedFrom',
];
const fortnightly = [
  '--cadence',
  'fortnightly',
  '--weekday',
  'monday',
  '--start',
  '2026-03-23',
  '--time',
  '10:00',
  '--count',
  '3',
];

function json(argv: string[]): Record<string, unknown>[] {
  const result = schedulePreview([...argv, '--json']);
  expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
  for (const row of rows) expect(Object.keys(row)).toEqual(KEYS);
  return rows;
}

describe('schedule-preview --json: the contract', () => {
  it('fortnightly Mondays across the clock change and Easter Monday', () => {
    expect(json(fortnightly)).toEqual([
      {
        date: '2026-03-23',
        startsAt: '2026-03-23T10:00:00+00:00',
        referralDeadline: '2026-03-13',
        agendaCirculation: '2026-03-16',
        actionPlanDue: '2026-03-24T13:00:00+00:00',
        minutesDue: '2026-04-08',
        movedFrom: null,
      },
      {
        date: '2026-04-07',
        startsAt: '2026-04-07T10:00:00+01:00',
        referralDeadline: '2026-03-30',
        agendaCirculation: '2026-03-31',
        actionPlanDue: '2026-04-08T13:00:00+01:00',
        minutesDue: '2026-04-21',
        movedFrom: '2026-04-06',
      },
      {
        date: '2026-04-20',
        startsAt: '2026-04-20T10:00:00+01:00',
        referralDeadline: '2026-04-10',
        agendaCirculation: '2026-04-13',
        actionPlanDue: '2026-04-21T13:00:00+01:00',
        minutesDue: '2026-05-05',
        movedFrom: null,
      },
    ]);
  });

  it('monthly last Friday in Scotland with every override', () => {
    // prettier-ignore
    const argv = [
      '--cadence', 'monthly', '--weekday', 'friday', '--nth', 'last', '--start', '2027-03-01', '--time', '09:30',
      '--count', '1', '--region', 'scotland', '--referral-days', '10', '--agenda-days', '7',
      '--minutes-working-days', '3', '--action-plan-hours', '48', '--duration', '120',
      '--bank-holiday-rule', 'next-working-day', '--closures', '2027-04-01',
    ];
    expect(json(argv)).toEqual([
      {
        date: '2027-03-29',
        startsAt: '2027-03-29T09:30:00+01:00',
        referralDeadline: '2027-03-19',
        agendaCirculation: '2027-03-22',
        actionPlanDue: '2027-03-31T11:30:00+01:00',
        minutesDue: '2027-04-02',
        movedFrom: '2027-03-26',
      },
    ]);
  });

  it('monthly on a day of the month, with no --weekday', () => {
    const argv = [
      '--cadence',
      'monthly',
      '--day-of-month',
      '28',
      '--start',
      '2026-12-01',
      '--time',
      '14:00',
      '--count',
      '2',
    ];
    expect(json(argv).map((row) => [row.date, row.startsAt, row.movedFrom])).toEqual([
      ['2026-12-29', '2026-12-29T14:00:00+00:00', '2026-12-28'],
      ['2027-01-28', '2027-01-28T14:00:00+00:00', null],
    ]);
  });

  it('leaves skipped meetings out of the array', () => {
    const rows = json([...fortnightly, '--bank-holiday-rule', 'skip']);
    expect(rows.map((row) => row.date)).toEqual(['2026-03-23', '2026-04-20', '2026-05-18']);
  });
});

describe('schedule-preview table', () => {
  it('shows weekdays, times, deadlines and why a meeting moved', () => {
    const result = schedulePreview(fortnightly);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(
      /^Mon 23 Mar 2026 +10:00 +Fri 13 Mar 2026 +Mon 16 Mar 2026 +Tue 24 Mar 2026 13:00 +Wed 8 Apr 2026$/,
    );
    expect(lines[3]).toContain('moved from Mon 6 Apr 2026 (Easter Monday)');
  });

  it('names closure days and lists skipped dates', () => {
    const closed = schedulePreview([...fortnightly, '--closures', '2026-03-23']).stdout;
    expect(closed).toContain('moved from Mon 23 Mar 2026 (Partnership closure day)');
    const skipped = schedulePreview([...fortnightly, '--bank-holiday-rule', 'skip']).stdout;
    expect(skipped).toContain('Skipped Mon 6 Apr 2026 (Easter Monday)');
  });
});

describe('schedule-preview bad flags: exit 2, one line naming the flag', () => {
  const without = (flag: string): string[] => {
    const i = fortnightly.indexOf(flag);
    return [...fortnightly.slice(0, i), ...fortnightly.slice(i + 2)];
  };
  const replace = (flag: string, value: string): string[] => [...without(flag), flag, value];
  const monthly = [
    '--cadence',
    'monthly',
    '--start',
    '2026-03-01',
    '--time',
    '10:00',
    '--count',
    '3',
  ];

  it.each([
    ['--weekday', replace('--weekday', 'funday')],
    ['--weekday', replace('--weekday', 'saturday')],
    ['--weekday', without('--weekday')],
    ['--cadence', replace('--cadence', 'weekly')],
    ['--cadence', without('--cadence')],
    ['--start', without('--start')],
    ['--start', replace('--start', '2026-02-30')],
    ['--start', replace('--start', '30/03/2026')],
    ['--time', replace('--time', '25:00')],
    ['--time', without('--time')],
    ['--count', replace('--count', '0')],
    ['--count', replace('--count', '501')],
    ['--count', replace('--count', 'ten')],
    ['--count', without('--count')],
    ['--region', [...fortnightly, '--region', 'wales']],
    ['--nth', [...fortnightly, '--nth', '2']],
    ['--nth', [...monthly, '--weekday', 'tuesday']],
    ['--nth', [...monthly, '--weekday', 'tuesday', '--nth', '5']],
    ['--weekday', [...monthly, '--nth', '2']],
    ['--day-of-month', [...monthly, '--day-of-month', '31']],
    ['--day-of-month', [...fortnightly, '--day-of-month', '3']],
    ['--weekday', [...monthly, '--day-of-month', '3', '--weekday', 'monday']],
    ['--referral-days', [...fortnightly, '--referral-days', '0']],
    ['--duration', [...fortnightly, '--duration', '10']],
    ['--bank-holiday-rule', [...fortnightly, '--bank-holiday-rule', 'never']],
    ['--closures', [...fortnightly, '--closures', '2026-04-01,2026-13-01']],
    ['--foo', [...fortnightly, '--foo', 'bar']],
    ['--json', [...fortnightly, '--json=yes']],
    ['--time', [...without('--time'), '--time']],
    ['--weekday', ['--weekday', '--start', '2026-03-23']],
    ['extra', [...fortnightly, 'extra']],
  ])('%s: %j', (flag, argv) => {
    const result = schedulePreview(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`${flag}: `)).toBe(true);
    expect(result.stderr.trimEnd()).not.toContain('\n');
    expect(result.stderr.endsWith('\n')).toBe(true);
  });

  it('says what was expected and what it got', () => {
    expect(schedulePreview(replace('--weekday', 'funday')).stderr).toBe(
      '--weekday: expected one of monday, tuesday, wednesday, thursday, friday (got "funday")\n',
    );
    expect(schedulePreview(replace('--count', '501')).stderr).toBe(
      '--count: expected a whole number from 1 to 500 (got "501")\n',
    );
    expect(schedulePreview(replace('--start', '2026-02-30')).stderr).toBe(
      '--start: expected a real date YYYY-MM-DD (got "2026-02-30")\n',
    );
  });
});
