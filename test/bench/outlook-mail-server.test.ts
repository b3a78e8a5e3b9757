import { deliveryMinimum } from '../../bench/support/delivery-minimum.js';
import { OutlookMailServer, type OutlookLimits } from '../../bench/support/outlook-mail-server.js';
import { GraphClient } from '../../bot/src/graph/graph-client.js';
import { GraphMail } from '../../bot/src/graph/graph-mail.js';
import { composeMime } from '../../bot/src/mail/compose-mime.js';

const mailbox = 'marac.northbrook@riverside.example';
const limits: OutlookLimits = {
  concurrency: 4,
  ratePerSecond: 1000,
  burst: 1000,
  latencyMs: 0,
  accessToken: 'bench-token',
};

const mime = (messageId: string) =>
  composeMime({
    from: mailbox,
    to: ['rep@agency.example'],
    subject: 'MARAC agenda',
    text: 'Ready.',
    messageId,
  });

/** A raw sendMail, as Graph's client would send it, for looking at the answer itself. */
async function postMail(server: OutlookMailServer, messageId: string): Promise<Response> {
  return fetch(`${server.graphUrl}/users/${encodeURIComponent(mailbox)}/sendMail`, {
    method: 'POST',
    headers: { authorization: 'Bearer bench-token', 'content-type': 'text/plain' },
    body: (await mime(messageId)).toString('base64'),
  });
}

describe('the loopback Outlook mail server of the delivery benchmark', () => {
  let server: OutlookMailServer | undefined;
  afterEach(() => server?.stop());

  it('takes base64 MIME, counts each message by Message-ID, and finds it in Sent Items', async () => {
    server = await OutlookMailServer.start(limits);
    const mail = new GraphMail(
      new GraphClient({
        tokens: { getToken: async () => 'bench-token' },
        baseUrl: server.graphUrl,
      }),
    );
    const messageId = '<marac.one@riverside.example>';
    await mail.send({ mailbox, messageId, mime: await mime(messageId) });
    await mail.send({ mailbox, messageId, mime: await mime(messageId) });
    await expect(mail.wasSent(mailbox, messageId)).resolves.toBe(true);
    await expect(mail.wasSent(mailbox, '<marac.two@riverside.example>')).resolves.toBe(false);
    expect(server.stats()).toMatchObject({
      sendMail: 2,
      lookups: 2,
      messages: { [messageId]: 2 },
      throttled: { concurrency: 0, rate: 0 },
    });
    expect(server.message(messageId)).toContain('Subject: MARAC agenda');
  });

  it('answers a fifth request in flight for one mailbox as Outlook does: 429 MailboxConcurrency', async () => {
    // A long latency holds the first four in flight while the fifth arrives.
    server = await OutlookMailServer.start({ ...limits, latencyMs: 3000 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => postMail(server!, `<marac.c${i}@riverside.example>`)),
    );
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 202, 202, 202, 429]);
    expect(refused[0]!.headers.get('retry-after')).toBe('1');
    expect(await refused[0]!.json()).toEqual({
      error: {
        code: 'ApplicationThrottled',
        message: 'Application is over its MailboxConcurrency limit.',
      },
    });
    expect(server.stats()).toMatchObject({ sendMail: 4, maxInFlight: 4 });
    expect(server.stats().throttled).toEqual({ concurrency: 1, rate: 0 });
  });

  it('answers beyond its rate with 429 and the whole seconds until a token comes', async () => {
    let now = 0;
    server = await OutlookMailServer.start({ ...limits, ratePerSecond: 0.5, burst: 2 }, () => now);
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await postMail(server, `<marac.r${i}@riverside.example>`)).status);
    expect(statuses).toEqual([202, 202, 429]);
    now = 500; // a quarter of the next token has come: 1.5 s to go, said as 2
    const early = await postMail(server, '<marac.r3@riverside.example>');
    expect([early.status, early.headers.get('retry-after')]).toEqual([429, '2']);
    now = 2000;
    expect((await postMail(server, '<marac.r4@riverside.example>')).status).toBe(202);
    expect(server.stats().throttled).toEqual({ concurrency: 0, rate: 2 });
  });

  it('refuses a request without its token, and takes no slot for it', async () => {
    server = await OutlookMailServer.start(limits);
    const answer = await fetch(`${server.graphUrl}/users/${mailbox}/sendMail`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(answer.status).toBe(401);
    expect(server.stats()).toMatchObject({ sendMail: 0, maxInFlight: 0 });
  });
});

describe('the least time the limits allow a delivery', () => {
  it.each<[string, number, number, number, number, number, number]>([
    ['waves of four, 7 x 400 ms', 25, 400, 10, 10, 2800, 1900],
    [
      'the rate: 21 requests beyond the bucket at 4 a second, then 400 ms',
      25,
      400,
      4,
      4,
      5650,
      5650,
    ],
    ['the rate again, with a shorter latency', 25, 100, 10, 10, 1600, 1600],
    ['fewer requests than the bucket holds', 8, 400, 10, 10, 800, 400],
  ])('%s', (_, n, latencyMs, ratePerSecond, burst, ms, rateMs) => {
    const minimum = deliveryMinimum(n, { concurrency: 4, latencyMs, ratePerSecond, burst });
    expect(minimum.ms).toBeCloseTo(ms, 6);
    expect(minimum.rateMs).toBeCloseTo(rateMs, 6);
  });
});
