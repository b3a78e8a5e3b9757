import { GraphClient } from '../../../bot/src/graph/graph-client.js';
import { GraphMail } from '../../../bot/src/graph/graph-mail.js';
import { composeMime } from '../../../bot/src/mail/compose-mime.js';
import { FakeGraph } from '../../support/fake-graph.js';

const mailbox = 'marac.northbrook@riverside.example';
let fake: FakeGraph;
let mail: GraphMail;

beforeEach(async () => {
  fake = await FakeGraph.start();
  const client = new GraphClient({
    tokens: { getToken: async () => fake.accessToken },
    baseUrl: fake.graphUrl,
    sleep: async () => {},
  });
  mail = new GraphMail(client);
});
afterEach(() => fake.stop());

async function message(messageId: string): Promise<Uint8Array> {
  return composeMime({
    from: mailbox,
    to: ['core.rep@police.example'],
    subject: 'MARAC agenda - Northbrook',
    text: 'The agenda is ready.',
    messageId,
  });
}

describe('GraphMail', () => {
  it('sends the whole MIME message, base64 as text/plain, from the area mailbox', async () => {
    const mime = await message('<marac.one@riverside.example>');
    await mail.send({ mailbox, messageId: '<marac.one@riverside.example>', mime });

    const [request] = fake.graphRequests;
    expect(request).toMatchObject({ method: 'POST', path: `/v1.0/users/${mailbox}/sendMail` });
    expect(request!.headers['content-type']).toBe('text/plain');
    expect(Buffer.from(request!.body as string, 'base64').equals(Buffer.from(mime))).toBe(true);
    expect(fake.sentMail.get(mailbox)).toHaveLength(1);
  });

  it('finds a sent message in Sent Items by its Message-ID, and no other', async () => {
    const messageId = '<marac.two@riverside.example>';
    await mail.send({ mailbox, messageId, mime: await message(messageId) });

    await expect(mail.wasSent(mailbox, messageId)).resolves.toBe(true);
    await expect(mail.wasSent(mailbox, '<marac.three@riverside.example>')).resolves.toBe(false);
    await expect(mail.wasSent('someone.else@riverside.example', messageId)).resolves.toBe(false);
    const lookUp = fake.graphRequests[1]!;
    expect(lookUp.path).toBe(`/v1.0/users/${mailbox}/mailFolders/sentitems/messages`);
    expect(lookUp.query).toEqual({
      $filter: `internetMessageId eq '${messageId}'`,
      $select: 'id',
      $top: '1',
    });
  });

  it('waits out throttling and sends once', async () => {
    fake.throttleNext(2, 3);
    const messageId = '<marac.four@riverside.example>';
    await mail.send({ mailbox, messageId, mime: await message(messageId) });
    expect(fake.graphRequests).toHaveLength(3);
    expect(fake.sentMail.get(mailbox)).toHaveLength(1);
  });

  it('never posts again after a 5xx that may have come after sending: the outbox asks Sent Items first', async () => {
    fake.sendThenFail(503, 'ServiceUnavailable');
    const messageId = '<marac.five@riverside.example>';
    await expect(
      mail.send({ mailbox, messageId, mime: await message(messageId) }),
    ).rejects.toMatchObject({ status: 503 });
    expect(fake.graphRequests).toHaveLength(1);
    await expect(mail.wasSent(mailbox, messageId)).resolves.toBe(true);
  });

  it('refuses a Message-ID that could change the filter', async () => {
    await expect(mail.wasSent(mailbox, "<x' or true or 'y@riverside.example>")).rejects.toThrow(
      'no quotes',
    );
    expect(fake.graphRequests).toHaveLength(0);
  });
});
