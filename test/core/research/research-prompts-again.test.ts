/**
 * Prompts queued again for a rep's first chat: under keys of their own (so once), and never for
 * a message still waiting under its first key (it will reach the new chat itself).
 */
import type { AgendaRecipient } from '#core/ports/agendas.js';
import { queueResearchPrompts } from '#core/research/research-prompts.js';
import { AGENCY_ID, fakeStore, meeting } from '../scheduling/fake-repos.js';

const rep: AgendaRecipient = {
  agencyId: AGENCY_ID,
  personId: 'person-1',
  mode: 'link',
  role: 'core',
};

it('queues again under keys of its own, once, but not a message still waiting', async () => {
  const store = fakeStore({});
  const m = meeting('meeting-1', '2026-12-15');
  const queue = (caseIds: string[], again?: string) =>
    store.deps.uow.run((repos) =>
      queueResearchPrompts(repos, m, {
        caseIds,
        cardPerCaseUpTo: 3,
        recipients: [rep],
        ...(again ? { again } : {}),
      }),
    );
  await queue(['case-1']);
  // The fake runs no job: case-1's prompt is still waiting, case-2 never went.
  expect(await queue(['case-1', 'case-2'], 'after-first-chat')).toBe(1);
  await queue(['case-1', 'case-2'], 'after-first-chat');
  expect(store.state().outbox.map((o) => o.key.replace(/^research-prompt:[^:]+:/, ''))).toEqual([
    `${AGENCY_ID}:person-1:case-1`,
    `${AGENCY_ID}:person-1:case-2:after-first-chat`,
  ]);
});
