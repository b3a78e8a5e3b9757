import type { AgendaDocument } from './agenda-document.js';

export interface RenderedAgendasOptions {
  render: (agenda: AgendaDocument) => Promise<Buffer>;
  /** Versions kept at once; the least recently asked for goes first. */
  keep?: number;
  /** How long a rendering is kept after it was made. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Each agenda version's PDF, rendered once however many agencies it goes to. Laying out a
 * 20-case agenda costs far more than encrypting one copy of it, and every recipient of a version
 * should get the same document anyway; each recipient's copy is then encrypted on its own (S/MIME
 * to their certificate, or their own password).
 *
 * Kept in this instance's memory only, as a cache: another instance that has not got it renders
 * again. The plain PDF holds personal data, so it is kept for minutes, for a few versions, and
 * not for the life of the process. Callers who ask while it renders share that one rendering; a
 * failed rendering is not kept, so the next caller tries again.
 */
export interface RenderedAgenda {
  document: AgendaDocument;
  pdf: Buffer;
}

export class RenderedAgendas {
  private readonly entries = new Map<string, { made: Promise<RenderedAgenda>; madeAt: number }>();
  private readonly keep: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RenderedAgendasOptions) {
    this.keep = options.keep ?? 4;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** The PDF of one agenda version; `load` is called only when it has to be rendered. */
  async pdf(versionId: string, load: () => Promise<AgendaDocument>): Promise<Buffer> {
    return (await this.rendered(versionId, load)).pdf;
  }

  /**
   * One agenda version's document (loaded and decrypted once) with its PDF: every recipient's
   * copy is built from these.
   */
  rendered(versionId: string, load: () => Promise<AgendaDocument>): Promise<RenderedAgenda> {
    const now = this.now();
    const kept = this.entries.get(versionId);
    this.entries.delete(versionId);
    if (kept && now - kept.madeAt < this.ttlMs) {
      this.entries.set(versionId, kept); // now the most recently used
      return kept.made;
    }
    const made = load().then(async (document) => ({
      document,
      pdf: await this.options.render(document),
    }));
    const entry = { made, madeAt: now };
    this.entries.set(versionId, entry);
    made.catch(() => {
      if (this.entries.get(versionId) === entry) this.entries.delete(versionId);
    });
    while (this.entries.size > this.keep) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }
}
