import {
  RESEARCH_LIMITS,
  researchDraftSchema,
  researchSubmissionSchema,
} from '#core/contracts/research.js';
import { validationError } from '../../../bot/src/http/errors.js';

/** The messages a person reads for a body, as the API words them. */
function messages(schema: typeof researchDraftSchema, body: unknown): string[] {
  const parsed = schema.safeParse(body);
  if (parsed.success) return [];
  return validationError('body', parsed.error).details!.map((d) => d.message);
}

const complete = {
  knownToAgency: 'yes',
  currentInvolvement: 'Open case since October: weekly visits by the family support worker.',
  historicalInvolvement: 'Two callouts in 2024, no further action.',
  recordsFlagged: true,
};

describe('research draft', () => {
  it('takes an empty draft: nothing is pre-selected and nothing required', () => {
    expect(messages(researchDraftSchema, {})).toEqual([]);
    expect(researchDraftSchema.parse({})).toEqual({});
  });

  it('refuses a field the form does not have, naming it', () => {
    expect(messages(researchDraftSchema, { victimName: 'Orla Pennick' })).toEqual([
      'The request: remove the field "victimName": the form has no such field.',
    ]);
  });

  it('refuses a child entry with a name in it: entries are by position only', () => {
    expect(
      messages(researchDraftSchema, { children: [{ name: 'Teddy Pennick', involvement: 'x' }] }),
    ).toEqual(['Child 1: remove the field "name": the form has no such field.']);
  });
});

describe('research submission', () => {
  it('names every required field in words when nothing is answered', () => {
    expect(messages(researchSubmissionSchema, {})).toEqual([
      'Whether the case is known to your agency: choose yes, no or not known.',
      'Whether your records are flagged as a MARAC case: choose yes or no.',
    ]);
  });

  it('asks for the facts when the case is known to the agency', () => {
    expect(
      messages(researchSubmissionSchema, {
        knownToAgency: 'yes',
        currentInvolvement: '   ',
        recordsFlagged: false,
        children: [{ contactArrangements: 'Alternate weekends with the father.' }],
      }),
    ).toEqual([
      'Current involvement: enter what your records show, or "none".',
      'Historical involvement: enter what your records show, or "none".',
      'Your agency\'s involvement with child 1: enter what your records show about this child, or "none".',
    ]);
  });

  it.each(['no', 'not-known'])(
    'lets the facts be empty when known to the agency is %s',
    (known) => {
      expect(
        messages(researchSubmissionSchema, { knownToAgency: known, recordsFlagged: false }),
      ).toEqual([]);
    },
  );

  it('needs the reason when information was held back', () => {
    expect(
      messages(researchSubmissionSchema, {
        ...complete,
        withheldInformation: 'Details of a third party\u2019s health records.',
      }),
    ).toEqual(['Why the information was not shared: give the reason it was not shared.']);
  });

  it('accepts a complete submission, with opinion kept apart from the facts', () => {
    const parsed = researchSubmissionSchema.parse({
      ...complete,
      professionalOpinion: 'The worker believes the risk has risen since the move.',
    });
    expect(parsed.professionalOpinion).toMatch(/risk has risen/);
    expect(parsed.currentInvolvement).toMatch(/^Open case/);
  });
});

describe('research limits', () => {
  const fields = [
    ['currentInvolvement', RESEARCH_LIMITS.facts, 'Current involvement'],
    ['historicalInvolvement', RESEARCH_LIMITS.facts, 'Historical involvement'],
    ['professionalOpinion', RESEARCH_LIMITS.professionalOpinion, 'Professional opinion'],
    ['risksIdentified', RESEARCH_LIMITS.risksIdentified, 'Risks identified'],
    [
      'informationRequested',
      RESEARCH_LIMITS.informationRequested,
      'Information requested from other agencies',
    ],
    ['actionsOffered', RESEARCH_LIMITS.actionsOffered, 'Actions your agency can offer'],
    ['withheldInformation', RESEARCH_LIMITS.withheldInformation, 'Information held but not shared'],
    ['withheldReason', RESEARCH_LIMITS.withheldReason, 'Why the information was not shared'],
  ] as const;

  it.each(fields)(
    '%s takes %i characters and refuses one more, naming the limit',
    (key, max, label) => {
      expect(messages(researchDraftSchema, { [key]: 'a'.repeat(max) })).toEqual([]);
      expect(messages(researchDraftSchema, { [key]: 'a'.repeat(max + 1) })).toEqual([
        `${label}: use ${max.toLocaleString('en-GB')} characters or fewer.`,
      ]);
    },
  );

  it('refuses a child text over its limit, naming the child', () => {
    const long = 'a'.repeat(RESEARCH_LIMITS.childText + 1);
    expect(
      messages(researchDraftSchema, { children: [{}, { contactArrangements: long }] }),
    ).toEqual(["Child 2's contact arrangements: use 2,000 characters or fewer."]);
  });

  it('refuses more children than any case can have', () => {
    const children = Array.from({ length: RESEARCH_LIMITS.children + 1 }, () => ({}));
    expect(messages(researchDraftSchema, { children })).toEqual([
      'Children: give no more than 12 items.',
    ]);
  });
});
