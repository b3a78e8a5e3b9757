import type { ResearchSharing, StoredResearchStatus } from '#core/contracts/research.js';
import {
  mayReadResearch,
  researchAccess,
  type ResearchAccess,
  type ResearchReader,
} from '#core/research/read-rules.js';

const POLICE = 'agency-police';
const HOUSING = 'agency-housing';

/** Readers of the police's research on one case of a meeting. */
const readers: Record<string, ResearchReader> = {
  'police rep (own agency)': {
    roles: ['rep'],
    repOfAgencies: [POLICE],
    chairsMeeting: false,
    sitsOnMeeting: true,
  },
  'housing rep on the meeting': {
    roles: ['rep'],
    repOfAgencies: [HOUSING],
    chairsMeeting: false,
    sitsOnMeeting: true,
  },
  'rep of an agency not on the meeting': {
    roles: ['rep'],
    repOfAgencies: [],
    chairsMeeting: false,
    sitsOnMeeting: false,
  },
  coordinator: {
    roles: ['coordinator'],
    repOfAgencies: [],
    chairsMeeting: false,
    sitsOnMeeting: false,
  },
  'chair of the meeting': {
    roles: ['chair'],
    repOfAgencies: [],
    chairsMeeting: true,
    sitsOnMeeting: true,
  },
  'chair not on the meeting': {
    roles: ['chair'],
    repOfAgencies: [],
    chairsMeeting: false,
    sitsOnMeeting: false,
  },
  'IDVA on the meeting': {
    roles: ['idva'],
    repOfAgencies: [],
    chairsMeeting: false,
    sitsOnMeeting: true,
  },
  observer: { roles: ['observer'], repOfAgencies: [], chairsMeeting: false, sitsOnMeeting: false },
  admin: { roles: ['admin'], repOfAgencies: [], chairsMeeting: false, sitsOnMeeting: false },
  'no role in the area': {
    roles: [],
    repOfAgencies: [],
    chairsMeeting: false,
    sitsOnMeeting: false,
  },
};

type Row = [string, ResearchAccess, ResearchAccess, ResearchAccess, ResearchAccess];
/**
 * What each reader sees of a submitted response under each setting:
 * before-meeting | at-meeting, case not opened | at-meeting, case opened | status-only.
 */
const submitted: Row[] = [
  ['police rep (own agency)', 'text', 'text', 'text', 'text'],
  ['housing rep on the meeting', 'status', 'status', 'status', 'status'],
  ['rep of an agency not on the meeting', 'none', 'none', 'none', 'none'],
  ['coordinator', 'text', 'status', 'text', 'status'],
  ['chair of the meeting', 'text', 'status', 'text', 'status'],
  ['chair not on the meeting', 'none', 'none', 'none', 'none'],
  ['IDVA on the meeting', 'status', 'status', 'status', 'status'],
  ['observer', 'none', 'none', 'none', 'none'],
  ['admin', 'status', 'status', 'status', 'status'],
  ['no role in the area', 'none', 'none', 'none', 'none'],
];

const see = (
  reader: string,
  sharing: ResearchSharing,
  caseOpened: boolean,
  status: StoredResearchStatus = 'submitted',
) => researchAccess(sharing, readers[reader]!, { agencyId: POLICE, status, caseOpened });

describe('who reads an agency\u2019s submitted research, by sharing setting', () => {
  it.each(submitted)('%s', (reader, before, sealed, opened, statusOnly) => {
    expect([
      see(reader, 'before-meeting', false),
      see(reader, 'at-meeting', false),
      see(reader, 'at-meeting', true),
      see(reader, 'status-only', true),
    ]).toEqual([before, sealed, opened, statusOnly]);
  });
});

describe('research not submitted is its agency\u2019s own', () => {
  it.each<[StoredResearchStatus]>([['draft'], ['nothing-known'], ['seen']])(
    'a %s cell shows the coordinator and chair only its status, even before the meeting',
    (status) => {
      for (const reader of ['coordinator', 'chair of the meeting']) {
        expect(see(reader, 'before-meeting', true, status)).toBe('status');
      }
      expect(see('police rep (own agency)', 'status-only', false, status)).toBe('text');
    },
  );
});

describe('who may read a meeting\u2019s research at all', () => {
  const allowed = [
    'police rep (own agency)',
    'housing rep on the meeting',
    'coordinator',
    'chair of the meeting',
    'IDVA on the meeting',
    'admin',
  ];
  it.each(Object.keys(readers))('%s', (name) => {
    expect(mayReadResearch(readers[name]!)).toBe(allowed.includes(name));
  });

  it('refuses exactly those who see no cell under any setting', () => {
    for (const [name, ...access] of submitted)
      expect(mayReadResearch(readers[name]!)).toBe(access.some((a) => a !== 'none'));
  });
});
