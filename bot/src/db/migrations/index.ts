import { foundation } from './001-foundation.js';
import { dataKeys } from './002-data-keys.js';
import { auditLog } from './003-audit-log.js';
import { referrals } from './004-referrals.js';
import { referralWorkflow } from './005-referral-workflow.js';
import { draftsAndCardOperations } from './006-drafts-and-card-operations.js';
import { matchTerms } from './007-match-terms.js';
import { idempotency } from './009-idempotency.js';
import { caseMoves } from './010-case-moves.js';
import { mailDeliveries } from './011-mail-deliveries.js';
import { agendas } from './012-agendas.js';
import { research } from './013-research.js';
import { researchSettings } from './014-research-settings.js';
import { liveEvents } from './015-live-events.js';
import { meetingRun } from './016-meeting-run.js';
import { roleChanges } from './017-role-changes.js';
import { actionUpdates } from './018-action-updates.js';
import { meetingDocuments } from './019-meeting-documents.js';
import { actionChasing } from './020-action-chasing.js';
import { retention } from './021-retention.js';
import { areaPopulation } from './024-area-population.js';

/** In order; never edit one that has shipped: add the next. */
export const migrations: readonly { id: string; sql: string }[] = [
  { id: '001-foundation', sql: foundation },
  { id: '002-data-keys', sql: dataKeys },
  { id: '003-audit-log', sql: auditLog },
  { id: '004-referrals', sql: referrals },
  { id: '005-referral-workflow', sql: referralWorkflow },
  { id: '006-drafts-and-card-operations', sql: draftsAndCardOperations },
  { id: '007-match-terms', sql: matchTerms },
  { id: '009-idempotency', sql: idempotency },
  { id: '010-case-moves', sql: caseMoves },
  { id: '011-mail-deliveries', sql: mailDeliveries },
  { id: '012-agendas', sql: agendas },
  { id: '013-research', sql: research },
  { id: '014-research-settings', sql: researchSettings },
  { id: '015-live-events', sql: liveEvents },
  { id: '016-meeting-run', sql: meetingRun },
  { id: '017-role-changes', sql: roleChanges },
  { id: '018-action-updates', sql: actionUpdates },
  { id: '019-meeting-documents', sql: meetingDocuments },
  { id: '020-action-chasing', sql: actionChasing },
  { id: '021-retention', sql: retention },
  { id: '024-area-population', sql: areaPopulation },
];
