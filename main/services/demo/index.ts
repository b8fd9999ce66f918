// Demo registers: fictitious but realistic data for trying the app, screenshots, tests and
// benchmarks. Deterministic from a seed; written in one transaction with one audit entry.

import type { SqliteDb } from '../../../db/connection.ts';
import { ConflictError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { DB } from '../../../db/schema.ts';
import { seedDemoProgress } from '../progress/demo.ts';
import { seedDemoSupport } from '../interventions/demo.ts';
import { seedDemoPeps } from '../peps/demo.ts';
import { buildDemo, type DemoData, type DemoOptions } from './build.ts';
import { seedDemoReport } from '../report/demo.ts';

export { buildDemo, checkDemoOptions, DEMO_LIMITS, type DemoData, type DemoOptions } from './build.ts';
export { isValidUpn, makeUpn, upnCheckLetter } from '../../api/contract/upn.ts';
export { academicYearStart, yearGroup, yearGroupLabel } from '../../api/contract/yearGroup.ts';

export interface DemoSummary {
  children: number;
  academicYears: number;
  localAuthorities: number;
  placements: number;
  attendancePeriods: number;
  suspensions: number;
  voiceEntries: number;
}

/**
 * Fills an empty register with demo data. Refuses a register that already holds children, years or
 * local authorities: demo data must never mix with real records.
 */
export function generateDemo(register: Register, opts: DemoOptions): DemoSummary {
  const data = buildDemo(opts);
  register.transaction(() => {
    const count = (t: 'children' | 'academic_years' | 'local_authorities'): number =>
      register.one(qb.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
    if (count('children') + count('academic_years') + count('local_authorities') > 0) {
      throw new ConflictError('Demo data can only be added to an empty register. Create a new register for the demo.');
    }
    write(register.sqlite, register, data);
    // Each area adds its own demo records, inside the same transaction (nested as a savepoint).
    seedDemoProgress(register, { seed: opts.seed, today: data.stamp.slice(0, 10) });
    seedDemoSupport(register, { seed: opts.seed, today: data.stamp.slice(0, 10) });
    seedDemoPeps(register, { seed: opts.seed, today: data.stamp.slice(0, 10) });
    seedDemoReport(register, { seed: opts.seed, today: data.stamp.slice(0, 10) });
    register.audit({ action: 'import', recordType: 'demo' });
  });
  const all = <K extends keyof DemoData['children'][number]>(k: K): number => data.children.reduce((s, c) => s + (c[k] as unknown[]).length, 0);
  return {
    children: data.children.length,
    academicYears: data.academicYears.length,
    localAuthorities: data.localAuthorities.length,
    placements: all('placements'),
    attendancePeriods: all('attendance'),
    suspensions: all('exclusions'),
    voiceEntries: all('voice'),
  };
}

function write(db: SqliteDb, register: Register, data: DemoData): void {
  // dt_name is left alone: it is the signed-in Designated Teacher's own name.
  register.run(qb.updateTable('school').set({ ...data.school, updated_at: data.stamp }).where('id', '=', 1));
  insertAll(db, 'academic_years', data.academicYears);
  insertAll(db, 'terms', data.terms);
  insertAll(db, 'calendar_closures', data.closures);
  insertAll(db, 'local_authorities', data.localAuthorities);
  insertAll(db, 'la_contacts', data.laContacts);
  insertAll(db, 'la_pep_deadlines', data.laPepDeadlines);
  insertAll(db, 'children', data.children.map((c) => c.child));
  const withChild = <R extends object>(rows: (c: DemoData['children'][number]) => R[]) =>
    data.children.flatMap((c) => rows(c).map((r) => ({ ...r, child_id: c.child.id as number })));
  insertAll(db, 'placements', withChild((c) => c.placements));
  insertAll(db, 'education_history', withChild((c) => c.education));
  insertAll(db, 'prior_attainment', withChild((c) => c.attainment));
  insertAll(db, 'attendance_periods', withChild((c) => c.attendance));
  insertAll(db, 'exclusions', withChild((c) => c.exclusions));
  insertAll(db, 'voice_log', withChild((c) => c.voice));
}

/**
 * One prepared statement per table rather than a Kysely compile per row: a large demo (thousands
 * of children) has hundreds of thousands of rows. Table and column names come from typed rows,
 * never from input.
 */
function insertAll<T extends keyof DB & string>(db: SqliteDb, table: T, rows: readonly object[]): void {
  if (rows.length === 0) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const stmt = db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    stmt.run(...cols.map((c) => (r[c] === undefined ? null : typeof r[c] === 'boolean' ? (r[c] ? 1 : 0) : r[c])));
  }
}
