import type { Clock, IdGenerator, UnitOfWork } from '../ports/store.js';

/** What the research use cases need: one transaction over the store, the time, new ids. */
export interface ResearchDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
}

/** The rep giving research: who they are and for which agency they answer. */
export interface ResearchAuthor {
  personId: string;
  agencyId: string;
}
