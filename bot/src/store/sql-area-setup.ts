import { randomUUID } from 'node:crypto';
import type { MeetingProtocol, Region } from '#core/meetings/protocol.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Queryable } from '../db/db.js';
import { findPersonIdByEmail, upsertPerson } from './sql-people.js';

/**
 * A new MARAC area as an operator sets it up (`npx marac setup-area`): its partnership, its
 * agencies with their reps, and its staff with their roles. Everything after this, the
 * coordinator does in the tab.
 */
export interface SetupPerson {
  name: string;
  email: string;
}
export type StaffRole = 'coordinator' | 'chair' | 'idva' | 'observer' | 'admin';
export interface AreaSetup {
  partnership: { name: string; region: Region };
  area: { name: string; code: string; mailbox: string; protocol: MeetingProtocol };
  agencies: { name: string; kind: string; core: SetupPerson; deputy: SetupPerson | null }[];
  staff: { person: SetupPerson; roles: StaffRole[] }[];
}

/** Counts and ids only: what is shown and logged of a setup must carry nobody's name. */
export interface AreaSetUp {
  kind: 'set-up';
  areaId: string;
  partnershipId: string;
  partnership: 'created' | 'reused';
  agencies: { created: number; reused: number };
  people: { created: number; reused: number };
  /** Roles given to staff (rows of area_role). */
  roles: number;
  /** Core rep and deputy places filled. */
  reps: number;
}
export type AreaSetupOutcome = AreaSetUp | { kind: 'refused'; problems: string[] };

// Keyed apart from the migrations' (727_201), the audit's and live events' (727_202) and the
// meeting run's (727_203) locks. Two setups at once would each find no area with their code.
const AREA_SETUP_LOCK = 727_204;

interface Found {
  partnershipId: string | null;
  /** The partnership's existing agencies by lower-cased name. */
  agencies: Map<string, { id: string; kind: string }>;
}

/**
 * Sets up the area inside the caller's transaction, with its audit entry, or refuses (and
 * writes nothing) when the store already holds the area or disagrees with the file. The
 * partnership is reused by name, and its agencies by name; people are found by email.
 */
export async function setUpArea(
  q: Queryable,
  crypto: AppCrypto,
  setup: AreaSetup,
): Promise<AreaSetupOutcome> {
  await q.query('SELECT pg_advisory_xact_lock($1)', [AREA_SETUP_LOCK]);
  const found = await findExisting(q, setup);
  if ('problems' in found) return { kind: 'refused', problems: found.problems };
  const partnershipId = found.partnershipId ?? (await insertPartnership(q, setup.partnership));
  const areaId = randomUUID();
  await q.query(
    'INSERT INTO area (id, partnership_id, name, code, mailbox, protocol) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      areaId,
      partnershipId,
      setup.area.name,
      setup.area.code,
      setup.area.mailbox,
      JSON.stringify(setup.area.protocol),
    ],
  );
  const people = peopleOf(q, crypto, partnershipId);
  const agencies = await addAgencies(q, people, { areaId, partnershipId, found, setup });
  let roles = 0;
  for (const member of setup.staff) {
    const personId = await people.add(member.person);
    for (const role of member.roles) {
      await q.query('INSERT INTO area_role (area_id, person_id, role) VALUES ($1, $2, $3)', [
        areaId,
        personId,
        role,
      ]);
      roles += 1;
    }
  }
  // Last, as appendAudit asks: it holds the audit lock until the transaction ends.
  await appendAudit(q, {
    actorId: null,
    action: 'area.set-up',
    recordType: 'area',
    recordId: areaId,
    outcome: 'ok',
    correlationId: 'cli',
  });
  return {
    kind: 'set-up',
    areaId,
    partnershipId,
    partnership: found.partnershipId ? 'reused' : 'created',
    agencies: agencies.counts,
    people: people.counts,
    roles,
    reps: agencies.reps,
  };
}

/** What the store already holds of the file, or why the file cannot be set up over it. */
async function findExisting(
  q: Queryable,
  setup: AreaSetup,
): Promise<Found | { problems: string[] }> {
  const problems: string[] = [];
  // By code anywhere, not only in this partnership: a misspelt partnership name must not let
  // the same file make its area twice, under a second partnership.
  const sameCode = await q.query<{ id: string; name: string }>(
    'SELECT id, name FROM area WHERE code = $1',
    [setup.area.code],
  );
  for (const area of sameCode.rows)
    problems.push(
      `area.code: the area "${area.name}" (${area.id}) already has the code ${setup.area.code}; give another code, or change the existing area in the tab`,
    );
  const partnerships = await q.query<{ id: string; region: string }>(
    'SELECT id, region FROM partnership WHERE lower(name) = lower($1)',
    [setup.partnership.name],
  );
  if (partnerships.rows.length > 1)
    return {
      problems: [
        ...problems,
        `partnership.name: ${partnerships.rows.length} partnerships have this name; the file cannot say which one the area joins`,
      ],
    };
  const partnership = partnerships.rows[0];
  if (!partnership)
    return problems.length > 0 ? { problems } : { partnershipId: null, agencies: new Map() };
  if (partnership.region !== setup.partnership.region)
    problems.push(
      `partnership.region: the partnership already exists with the region ${partnership.region}; give that region, or the name of another partnership`,
    );
  const sameName = await q.query(
    'SELECT 1 FROM area WHERE partnership_id = $1 AND lower(name) = lower($2)',
    [partnership.id, setup.area.name],
  );
  if (sameName.rows.length > 0)
    problems.push('area.name: the partnership already has an area of this name; give another name');
  const agencies = await existingAgencies(q, partnership.id);
  setup.agencies.forEach((agency, i) => {
    const existing = agencies.get(agency.name.toLowerCase());
    if (existing && existing.kind !== agency.kind)
      problems.push(
        `agencies[${i}].kind: the partnership already has this agency, of the kind ${existing.kind}; give that kind, or another name`,
      );
  });
  return problems.length > 0 ? { problems } : { partnershipId: partnership.id, agencies };
}

async function existingAgencies(q: Queryable, partnershipId: string) {
  const rows = await q.query<{ id: string; name: string; kind: string }>(
    'SELECT id, name, kind FROM agency WHERE partnership_id = $1',
    [partnershipId],
  );
  return new Map(rows.rows.map((r) => [r.name.toLowerCase(), { id: r.id, kind: r.kind }]));
}

async function insertPartnership(q: Queryable, partnership: AreaSetup['partnership']) {
  const id = randomUUID();
  await q.query('INSERT INTO partnership (id, name, region) VALUES ($1, $2, $3)', [
    id,
    partnership.name,
    partnership.region,
  ]);
  return id;
}

/** People found by email or added (encrypted, with their blind index), counted once each. */
function peopleOf(q: Queryable, crypto: AppCrypto, partnershipId: string) {
  const seen = new Map<string, string>();
  const counts = { created: 0, reused: 0 };
  return {
    counts,
    async add(person: SetupPerson): Promise<string> {
      const term = crypto.indexer.emailTerm(person.email);
      const known = seen.get(term);
      if (known) return known;
      const existed = (await findPersonIdByEmail(q, crypto, person.email)) !== null;
      const id = await upsertPerson(q, crypto, partnershipId, person);
      counts[existed ? 'reused' : 'created'] += 1;
      seen.set(term, id);
      return id;
    },
  };
}

async function addAgencies(
  q: Queryable,
  people: ReturnType<typeof peopleOf>,
  at: { areaId: string; partnershipId: string; found: Found; setup: AreaSetup },
) {
  const counts = { created: 0, reused: 0 };
  let reps = 0;
  for (const agency of at.setup.agencies) {
    let agencyId = at.found.agencies.get(agency.name.toLowerCase())?.id;
    if (agencyId) counts.reused += 1;
    else {
      agencyId = randomUUID();
      await q.query('INSERT INTO agency (id, partnership_id, name, kind) VALUES ($1, $2, $3, $4)', [
        agencyId,
        at.partnershipId,
        agency.name,
        agency.kind,
      ]);
      counts.created += 1;
    }
    const coreId = await people.add(agency.core);
    const deputyId = agency.deputy ? await people.add(agency.deputy) : null;
    await q.query(
      'INSERT INTO area_agency (area_id, agency_id, core_rep_id, deputy_rep_id) VALUES ($1, $2, $3, $4)',
      [at.areaId, agencyId, coreId, deputyId],
    );
    reps += deputyId ? 2 : 1;
  }
  return { counts, reps };
}
