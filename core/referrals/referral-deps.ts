import type { Clock, IdGenerator, UnitOfWork } from '../ports/store.js';

export interface ReferralDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
}
