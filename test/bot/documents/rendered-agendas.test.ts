import { buildAgenda } from '#core/agendas/build-agenda.js';
import { defaultConfidentialityStatement } from '#core/agendas/confidentiality.js';
import type { AgendaDocument } from '../../../bot/src/documents/agenda-document.js';
import { RenderedAgendas } from '../../../bot/src/documents/rendered-agendas.js';
import { agendaCase } from '../../core/agendas/agenda-fixtures.js';

const agenda = (version: number): AgendaDocument => ({
  areaName: 'Northbrook',
  meetingDate: '2026-12-08',
  startsAt: '10:00',
  version,
  changes: [],
  confidentialityStatement: defaultConfidentialityStatement,
  agenda: buildAgenda({ cases: [agendaCase('NB-2026-0001', 1)] }),
});

/** A renderer that counts its calls and writes the version into its "PDF". */
function counting() {
  const calls: number[] = [];
  const render = async (document: AgendaDocument) => {
    calls.push(document.version);
    return Buffer.from(`%PDF version ${document.version}`);
  };
  return { calls, render };
}

describe('rendering each agenda version once for all its recipients', () => {
  it('renders a version once, however many recipients ask at the same time', async () => {
    const { calls, render } = counting();
    const cache = new RenderedAgendas({ render });
    const loads: string[] = [];
    const load = async () => {
      loads.push('v1');
      return agenda(1);
    };
    const copies = await Promise.all(Array.from({ length: 25 }, () => cache.pdf('v1', load)));
    expect(calls).toEqual([1]);
    expect(loads).toEqual(['v1']);
    expect(new Set(copies.map((pdf) => pdf.toString()))).toEqual(new Set(['%PDF version 1']));
  });

  it('renders each version on its own, and forgets the least recently used beyond its size', async () => {
    const { calls, render } = counting();
    const cache = new RenderedAgendas({ render, keep: 2 });
    await cache.pdf('v1', async () => agenda(1));
    await cache.pdf('v2', async () => agenda(2));
    await cache.pdf('v1', async () => agenda(1)); // v1 used again: v2 is now the oldest
    await cache.pdf('v3', async () => agenda(3));
    await cache.pdf('v1', async () => agenda(1));
    await cache.pdf('v2', async () => agenda(2));
    expect(calls).toEqual([1, 2, 3, 2]);
  });

  it('keeps a rendering for its time only: the plain PDF holds names', async () => {
    const { calls, render } = counting();
    let now = 0;
    const cache = new RenderedAgendas({ render, ttlMs: 60_000, now: () => now });
    await cache.pdf('v1', async () => agenda(1));
    now = 59_999;
    await cache.pdf('v1', async () => agenda(1));
    now = 60_000;
    await cache.pdf('v1', async () => agenda(1));
    expect(calls).toEqual([1, 1]);
  });

  it('does not keep a failed rendering: the next recipient tries again', async () => {
    const cache = new RenderedAgendas({ render: counting().render });
    await expect(
      cache.pdf('v1', async () => {
        throw new Error('store unavailable');
      }),
    ).rejects.toThrow('store unavailable');
    await expect(cache.pdf('v1', async () => agenda(1))).resolves.toEqual(
      Buffer.from('%PDF version 1'),
    );
  });
});
