import type { Clock, IdGenerator, UnitOfWork } from '../ports/store.js';

/** What the meeting's use cases need: one transaction over the store, the time, new ids. */
export interface MeetingRunDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
}
