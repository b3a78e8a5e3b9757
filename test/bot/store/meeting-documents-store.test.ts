import { randomUUID } from 'node:crypto';
import type { MeetingDocumentRecord } from '#core/ports/meeting-documents.js';
import { documentCopyDetails } from '../../../bot/src/store/sql-document-copies.js';
import { backends } from '../../support/backends.js';
import { researchWorld, type ResearchWorld } from './research-world.js';

/**
 * The action plans and minutes of closed meetings (issue #11, migration 019) on PGlite and on a
 * PostgreSQL server: a document reads back as written, its content sealed at rest; each agency's
 * copy is one delivery row however often it is queued; a worker reads the copy with the agency's
 * reps on the meeting and the one password of a password copy.
 */
describe.each(backends())('meeting documents store on $name', ({ open }) => {
  let w: ResearchWorld;
  const at = new Date('2026-12-15T12:00:00Z');
  const minutes = (): MeetingDocumentRecord<'minutes'> => ({
    id: randomUUID(),
    meetingId: w.meetingId,
    areaId: w.meeting.areaId,
    kind: 'minutes',
    number: 1,
    state: 'draft',
    content: {
      sections: [{ key: 'attendance', title: 'Attendance', text: 'Present: Dana Whitcombe' }],
    },
    version: 1,
    dueAt: new Date('2026-12-31T23:59:00Z'),
    createdAt: at,
    updatedAt: at,
    updatedBy: w.chairId,
    approvedAt: null,
    approvedBy: null,
    circulatedAt: null,
    circulatedBy: null,
  });

  beforeAll(async () => {
    w = await researchWorld(open);
  }, 120_000);
  afterAll(() => w.db.close());

  it('keeps a document as written, the newest number first, and its content sealed', async () => {
    const first = minutes();
    await w.repos().meetingDocuments.insert(first);
    expect(await w.repos().meetingDocuments.latest(w.meetingId, 'minutes')).toEqual(first);
    expect(await w.repos().meetingDocuments.latest(w.meetingId, 'action-plan')).toBeNull();
    const approved = {
      ...first,
      state: 'approved' as const,
      approvedAt: at,
      approvedBy: w.chairId,
      version: 2,
    };
    await w.db.transaction(async (tx) => {
      const { reposOver } = await import('../../../bot/src/store/unit-of-work.js');
      const repos = reposOver(tx, w.crypto);
      expect(
        (await repos.meetingDocuments.latest(w.meetingId, 'minutes', { forUpdate: true }))!.version,
      ).toBe(1);
      await repos.meetingDocuments.save(approved);
    });
    const correction = { ...minutes(), number: 2 };
    await w.repos().meetingDocuments.insert(correction);
    expect((await w.repos().meetingDocuments.latest(w.meetingId, 'minutes'))!.number).toBe(2);
    const stored = await w.db.query<{ content: string }>('SELECT content FROM meeting_document');
    for (const row of stored.rows) expect(row.content).not.toContain('Dana Whitcombe');
  });

  it("queues one copy per agency, once, and reads it with the agency's reps and one password", async () => {
    const document = { ...minutes(), number: 3 };
    await w.repos().meetingDocuments.insert(document);
    const [smime, password] = w.on;
    const copies = [
      { agencyId: password!.agencyId, mode: 'password' as const },
      { agencyId: smime!.agencyId, mode: 'smime' as const },
    ];
    const rows = await w
      .repos()
      .meetingDocuments.enqueueCopies({ document, mailbox: 'marac@example.org', copies });
    expect(rows.map((r) => r.copy.mode)).toEqual(['smime', 'password']); // cheapest first
    const again = await w
      .repos()
      .meetingDocuments.enqueueCopies({ document, mailbox: 'marac@example.org', copies });
    expect(again).toEqual([]);
    const deliveries = await w.repos().meetingDocuments.deliveries(document.id);
    expect(deliveries).toHaveLength(2);
    expect(deliveries.every((d) => d.status === 'queued')).toBe(true);
    const passwordRow = rows.find((r) => r.copy.mode === 'password')!;
    const details = (await documentCopyDetails(w.db, w.crypto, passwordRow.id))!;
    expect(details.reps.map((r) => r.personId)).toEqual([password!.core, password!.deputy]);
    expect(details.password).toMatch(/^\S{24}$/);
    expect(details.document.id).toBe(document.id);
    const secret = await w.db.query<{ secret: string }>(
      'SELECT secret FROM mail_delivery WHERE id = $1',
      [passwordRow.id],
    );
    expect(secret.rows[0]!.secret).not.toContain(details.password!);
    // An agency off the meeting's list has no reps to send to.
    const off = await w.repos().meetingDocuments.enqueueCopies({
      document,
      mailbox: 'marac@example.org',
      copies: [{ agencyId: w.off.agencyId, mode: 'link' }],
    });
    expect((await documentCopyDetails(w.db, w.crypto, off[0]!.id))!.reps).toEqual([]);
  });
});
