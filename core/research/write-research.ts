import type { z } from 'zod';
import {
  researchDraftSchema,
  researchSubmissionSchema,
  type ResearchDraft,
} from '../contracts/research.js';
import type { ResearchStatusRecord } from '../ports/research.js';
import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { auditedWrite, openResearch, requireCaseOnMeeting } from './research-access.js';
import type { ResearchAuthor, ResearchDeps } from './research-deps.js';
import { nextStatus } from './research-status.js';

export interface ResearchWrite extends ResearchAuthor {
  meetingId: string;
  referralId: string;
  response: ResearchDraft;
}

const STEP = {
  draft: { event: 'save-draft', schema: researchDraftSchema, action: 'research.save-draft' },
  submit: { event: 'submit', schema: researchSubmissionSchema, action: 'research.submit' },
} as const;

/**
 * Saves or submits one agency's research on one case: the rep, the case and the deadline are
 * checked, the response again (a card or a request may have skipped the client's checks), the
 * move allowed by the state machine; the response is stored sealed under the case's key.
 */
export async function writeResearch(
  deps: ResearchDeps,
  input: ResearchWrite,
  kind: keyof typeof STEP,
): Promise<ResearchStatusRecord> {
  const step = STEP[kind];
  return auditedWrite(deps, step.action, input.meetingId, () =>
    deps.uow.run(async (repos) => {
      const now = deps.clock.now();
      const open = await openResearch(repos, input, now);
      requireCaseOnMeeting(open, input.referralId);
      const response = checked(step.schema, input.response);
      await checkChildren(repos, input.referralId, response);
      const key = {
        meetingId: input.meetingId,
        referralId: input.referralId,
        agencyId: input.agencyId,
      };
      const existing = await repos.research.get(key);
      const status = nextStatus(existing?.status ?? 'not-sent', step.event);
      if (status === null) {
        throw new DomainError(
          'CONFLICT',
          'This research has been submitted. To change it, edit it and submit it again before the deadline.',
        );
      }
      const submitted = kind === 'submit';
      const record = {
        ...key,
        id: existing?.id ?? deps.ids.newId(),
        status,
        response,
        submittedBy: submitted ? input.personId : null,
        submittedAt: submitted ? now : null,
        updatedBy: input.personId,
        updatedAt: now,
      };
      await repos.research.save(record);
      await repos.audit.record(step.action, 'research', record.id);
      const { response: _sealed, updatedBy: _by, ...cell } = record;
      return cell;
    }),
  );
}

function checked(schema: z.ZodType<ResearchDraft>, response: unknown): ResearchDraft {
  const parsed = schema.safeParse(response);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: whatToDo(issue),
  }));
  throw new DomainError('VALIDATION_FAILED', 'Some answers need putting right.', details);
}

/**
 * What to do, in words, for a response that reached the use case without the route's schema
 * check (a card handler calling it directly): the API puts the field's name in front.
 */
function whatToDo(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'too_big':
      return issue.origin === 'string'
        ? `use ${issue.maximum.toLocaleString('en-GB')} characters or fewer`
        : `give no more than ${issue.maximum.toLocaleString('en-GB')} items`;
    case 'unrecognized_keys':
      return `remove ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}: the form has no such field`;
    default:
      return 'check this answer';
  }
}

/** Entry n is about child n of the case: there cannot be more entries than the case's children. */
async function checkChildren(repos: Repos, referralId: string, response: ResearchDraft) {
  const given = response.children?.length ?? 0;
  if (given === 0) return;
  const count = (await repos.referrals.get(referralId))?.childrenCount ?? 0;
  if (given > count) {
    throw new DomainError('VALIDATION_FAILED', 'Some answers need putting right.', [
      {
        path: 'children',
        message: `give research for no more than ${count} ${count === 1 ? 'child' : 'children'}: that is how many the case has on the agenda`,
      },
    ]);
  }
}
