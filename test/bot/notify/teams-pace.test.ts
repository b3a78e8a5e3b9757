import { TeamsPace } from '../../../bot/src/notify/teams-pace.js';

describe("the bot's pace to Teams' limits", () => {
  // One a second per tenant, to keep the arithmetic short; the 25 ms margin is the pace's own.
  const windows = { conversation: [{ seconds: 1, max: 100 }], tenant: [{ seconds: 1, max: 1 }] };
  const paced = () => {
    const clock = { now: 0 };
    const pace = new TeamsPace(
      { now: () => clock.now, sleep: async (ms) => void (clock.now += ms) },
      windows,
    );
    return { clock, pace };
  };

  it('counts a message from when Teams answered it, so one slow to leave does not crowd the next', async () => {
    const { clock, pace } = paced();
    const answered = await pace.take('a:one', 't1');
    clock.now = 100; // slow on its way: Teams may have counted it as late as its answer
    answered();
    // The next waits for a second (and the margin) from that answer: 100 + 1025 = 1125, that is
    // 1025 ms from now; counted from the moment it was given, it would go at 1025, 925 from now.
    expect(pace.reserve('a:two', 't1')).toBe(1025);
  });

  it('keeps the place it gave when the answer comes at once', async () => {
    const { pace } = paced();
    (await pace.take('a:one', 't1'))();
    expect(pace.reserve('a:two', 't1')).toBe(1025);
  });
});
