import type { Clock, IdGenerator, UnitOfWork } from '../ports/store.js';

export interface SchedulingDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
}
