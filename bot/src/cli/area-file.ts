import { z } from 'zod';
import { repSchema, roleSchema } from '#core/contracts/api.js';
import { text } from '#core/contracts/field-rules.js';
import { defaultProtocol, protocolSchema, regions } from '#core/meetings/protocol.js';
import type { AreaSetup } from '../store/sql-area-setup.js';
import { issueWords } from './file-issues.js';

/**
 * The file `npx marac setup-area` reads: a partnership, one of its areas, the area's agencies with
 * their reps, and the area's staff with their roles. `infra/area.example.json` is an example.
 */

/**
 * The agency kinds the demo and the tab know by name (the action rules key on
 * `childrens-social-care`), and `other` for an agency none of them fits: a closed list, so a
 * misspelt kind is refused here rather than quietly missing a rule that depends on it.
 */
export const agencyKinds = [
  'police',
  'idva',
  'childrens-social-care',
  'adult-social-care',
  'health',
  'health-acute',
  'mental-health',
  'housing',
  'probation',
  'education',
  'substance-misuse',
  'specialist-da',
  'other',
] as const;

/** A rep is an agency's, not a named role: the roles a person holds in the area as staff. */
const staffRole = roleSchema.exclude(['rep']);

/** The default cadence when the file gives none: the demo's fortnightly area, Tuesdays. */
const defaultCadence = { kind: 'fortnightly', weekday: 'tuesday' } as const;

const areaFileSchema = z.strictObject({
  partnership: z.strictObject({ name: text(200), region: z.enum(regions) }),
  area: z.strictObject({
    name: text(120),
    code: z.string().regex(/^[A-Z]{2,8}$/, 'use 2 to 8 capital letters, such as NBK'),
    mailbox: z.email(),
    // The region is the partnership's; every other setting may be left to its default.
    protocol: protocolSchema.omit({ region: true }).partial().optional(),
  }),
  agencies: z
    .array(
      z.strictObject({
        name: text(120),
        kind: z.enum(agencyKinds),
        core: repSchema,
        deputy: repSchema.optional(),
      }),
    )
    .min(1)
    .max(100),
  staff: z
    .array(
      z.strictObject({
        name: repSchema.shape.name,
        email: repSchema.shape.email,
        roles: z
          .array(staffRole)
          .min(1)
          .refine((roles) => new Set(roles).size === roles.length, 'give each role once'),
      }),
    )
    .min(1)
    .max(200),
});
type AreaFile = z.infer<typeof areaFileSchema>;

export type AreaFileResult = { ok: true; setup: AreaSetup } | { ok: false; problems: string[] };

/**
 * Reads the file's text. Every problem names its field (`agencies[2].core.email`, counted from
 * 0 as in the file's own lists) and says what to do; none quotes a value from the file, since
 * the values are names and addresses of people.
 */
export function parseAreaFile(json: string): AreaFileResult {
  let raw: unknown;
  try {
    // A byte order mark, as Windows editors may write, is not part of the JSON.
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    // JSON.parse's own message quotes the text around the fault: only its position is used.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const problem = at
      ? `the file is not valid JSON at ${where(json, +at)}: check the commas, quotes and brackets there`
      : 'the file is not valid JSON: check its commas, quotes and brackets';
    return { ok: false, problems: [problem] };
  }
  const parsed = areaFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => issueWords(issue, raw));
    return { ok: false, problems: [...new Set(problems)] };
  }
  const problems = crossChecks(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, setup: toSetup(parsed.data) };
}

function where(json: string, position: number): string {
  const before = json.slice(0, position).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Where each person of the file appears, with the name given there. */
function everyone(file: AreaFile) {
  const people: { at: string; name: string; email: string }[] = [];
  file.agencies.forEach((agency, i) => {
    people.push({ at: `agencies[${i}].core`, ...agency.core });
    if (agency.deputy) people.push({ at: `agencies[${i}].deputy`, ...agency.deputy });
  });
  file.staff.forEach((member, i) => people.push({ at: `staff[${i}]`, ...member }));
  return people;
}

/** What the schema cannot see field by field: the file as a whole must make sense. */
function crossChecks(file: AreaFile): string[] {
  const problems: string[] = [];
  if (!file.staff.some((member) => member.roles.includes('coordinator')))
    problems.push(
      'staff: give at least one person the role "coordinator": they run the area in the tab',
    );
  const agencyAt = new Map<string, number>();
  file.agencies.forEach((agency, i) => {
    const key = agency.name.toLowerCase();
    const first = agencyAt.get(key);
    if (first === undefined) agencyAt.set(key, i);
    else problems.push(`agencies[${i}].name: this agency is already listed at agencies[${first}]`);
    if (agency.deputy && sameEmail(agency.deputy.email, agency.core.email))
      problems.push(
        `agencies[${i}].deputy.email: give the deputy's own address; the deputy cannot be the core rep`,
      );
  });
  const staffAt = new Map<string, number>();
  file.staff.forEach((member, i) => {
    const first = staffAt.get(member.email.toLowerCase());
    if (first === undefined) staffAt.set(member.email.toLowerCase(), i);
    else
      problems.push(
        `staff[${i}].email: this person is already listed at staff[${first}]; give all their roles there`,
      );
  });
  return [...problems, ...namesDisagree(file)];
}

/** One person (one address) must carry one name wherever they appear. */
function namesDisagree(file: AreaFile): string[] {
  const firstSeen = new Map<string, { at: string; name: string }>();
  const problems: string[] = [];
  for (const person of everyone(file)) {
    const key = person.email.toLowerCase();
    const first = firstSeen.get(key);
    if (!first) firstSeen.set(key, person);
    else if (first.name !== person.name)
      problems.push(
        `${person.at}.name: the same address has another name at ${first.at}; give one name for each person`,
      );
  }
  return problems;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function toSetup(file: AreaFile): AreaSetup {
  const protocol = protocolSchema.parse({
    ...defaultProtocol,
    cadence: defaultCadence,
    ...file.area.protocol,
    region: file.partnership.region,
  });
  return {
    partnership: file.partnership,
    area: { ...file.area, protocol },
    agencies: file.agencies.map((a) => ({ ...a, deputy: a.deputy ?? null })),
    staff: file.staff.map((m) => ({ person: { name: m.name, email: m.email }, roles: m.roles })),
  };
}
