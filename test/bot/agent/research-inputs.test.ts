/**
 * A research card's inputs as the contract's draft, and the use case's problems as the card's
 * fields: nothing unanswered becomes an answer, and every problem names a field in words.
 */
import { researchErrorLines } from '../../../bot/src/cards/research-state.js';
import { RESEARCH_VERBS } from '../../../bot/src/cards/verbs.js';
import {
  caseIdsOf,
  draftOf,
  fieldErrorsOf,
  researchAction,
} from '../../../bot/src/agent/research-inputs.js';

const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';
const ids = { meetingId: A, agencyId: B, caseId: A, op: B, step: 'form' };

describe('research card inputs', () => {
  it('maps the form to the contract: empty is unanswered, the flag yes / no, children by number', () => {
    expect(
      draftOf({
        knownToAgency: '',
        recordsFlagged: 'no',
        currentInvolvement: 'Invented record',
        historicalInvolvement: '  ',
        withheldInformation: 'A health record',
        withheldReason: 'Consent not given',
        child0Involvement: 'Known to school nurse',
        child0Contact: '',
        child1Involvement: '',
        child1Contact: 'Supervised, Saturdays',
      }),
    ).toEqual({
      recordsFlagged: false,
      currentInvolvement: 'Invented record',
      withheldInformation: 'A health record',
      withheldReason: 'Consent not given',
      children: [
        { involvement: 'Known to school nurse' },
        { contactArrangements: 'Supervised, Saturdays' },
      ],
    });
    expect(draftOf({ knownToAgency: 'not-known', recordsFlagged: 'yes' })).toEqual({
      knownToAgency: 'not-known',
      recordsFlagged: true,
    });
  });

  it('names each problem by the card’s words', () => {
    const errors = fieldErrorsOf([
      { path: 'knownToAgency', message: 'choose yes, no or not known' },
      { path: 'children.1.involvement', message: 'enter what your records show' },
      { path: 'withheldReason', message: 'give the reason it was not shared' },
      { path: 'children', message: 'give research for no more than 1 child' },
    ]);
    expect(researchErrorLines(errors)).toEqual([
      'Is this case known to your agency?: choose yes, no or not known',
      'Child 2: involvement: enter what your records show',
      'Why the information was not shared: give the reason it was not shared',
      'Children: give research for no more than 1 child',
    ]);
  });

  it('takes the multi-select’s comma-separated ids, and refuses anything else', () => {
    expect(caseIdsOf(`${A},${B},${A}`)).toEqual([A, B]);
    expect(caseIdsOf('')).toEqual([]);
    expect(caseIdsOf(`${A},Robert'); DROP TABLE research`)).toBeNull();
  });

  it.each([
    ['an unknown field', { ...ids, victimName: 'Invented' }],
    ['an operation id that is not a uuid', { ...ids, op: '1' }],
    ['a write without an operation id', { ...ids, op: undefined }],
    ['a case id that is not an id', { ...ids, caseId: 'case-1' }],
    ['a child beyond the twelfth', { ...ids, child12Involvement: 'x' }],
    ['an answer not offered', { ...ids, knownToAgency: 'maybe' }],
  ])('refuses %s', (_name, data) => {
    expect(researchAction(RESEARCH_VERBS.save, data)).toBeNull();
  });

  it('takes a refresh without an operation id, and the picker’s inputs on either button', () => {
    const { op: _op, ...refresh } = ids;
    expect(researchAction(RESEARCH_VERBS.view, refresh)).toMatchObject({ caseId: A });
    const picker = { meetingId: A, agencyId: B, op: B, step: 'prompt', caseId: '', caseIds: A };
    expect(researchAction(RESEARCH_VERBS.nothingKnownMany, picker)).toMatchObject({
      inputs: { caseIds: A },
    });
    expect(researchAction(RESEARCH_VERBS.open, picker)).not.toHaveProperty('caseId');
  });
});
