// Builds a register exactly as an app at schema version 1 would have left it: the same steps as
// Register.create (keyring, encrypted file, meta/school/users rows, first audit entry), but with
// migrations stopped at version 1. Then fills every v1 table with fictitious rows.

import path from 'node:path';
import { appendAudit } from '../../db/audit.ts';
import { openEncrypted, type SqliteDb } from '../../db/connection.ts';
import { createKeyring, FAST_TEST_KDF, writeKeyring } from '../../db/keyring.ts';
import { migrate, schemaVersion } from '../../db/migrations/index.ts';
import { SCHOOL_NAME, STAFF } from './db.ts';

/** Every table migration 001 creates. The migrations suite checks this list against the file. */
export const V1_TABLES = [
  'academic_years', 'audit_log', 'calendar_closures', 'children', 'education_history', 'la_contacts',
  'la_pep_deadlines', 'local_authorities', 'meta', 'placements', 'prior_attainment', 'school', 'terms', 'users',
] as const;

export interface V1Register {
  path: string;
  userId: string;
  recoveryKey: string;
}

export async function buildV1Register(dir: string, file = 'v1.cicregister'): Promise<V1Register> {
  const p = path.join(dir, file);
  const made = await createKeyring({ name: STAFF.dt.name, role: 'dt', passphrase: STAFF.dt.passphrase, kdf: FAST_TEST_KDF });
  const db = openEncrypted(p, made.dataKey, { create: true });
  try {
    migrate(db, 1);
    if (schemaVersion(db) !== 1) throw new Error('fixture: expected schema version 1');
    const created = '2024-09-02T08:00:00.000Z';
    const user = made.keyring.users[0]!;
    db.transaction(() => {
      db.prepare("INSERT INTO meta (key, value) VALUES ('register_id', ?), ('created_at', ?)").run(made.keyring.registerId, created);
      db.prepare('INSERT INTO school (id, name, dt_name, updated_at) VALUES (1, ?, ?, ?)').run(SCHOOL_NAME, user.name, created);
      db.prepare('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)').run(user.id, user.name, user.role, created);
      appendAudit(db, { action: 'register.create', userId: user.id, at: created });
    }).immediate();
    fillV1Tables(db, user.id);
  } finally {
    db.close();
  }
  writeKeyring(p, made.keyring);
  made.dataKey.fill(0);
  return { path: p, userId: made.userId, recoveryKey: made.recoveryKey };
}

/** At least one row in every v1 table, exercising defaults, NULLs, REAL values and foreign keys. */
export function fillV1Tables(db: SqliteDb, userId: string): void {
  const at = '2024-10-01T09:30:00.000Z';
  db.transaction(() => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('fixture_note', 'v1 fixture')").run();
    db.prepare(`UPDATE school SET urn = '999001', headteacher = 'Augustina Pell', designated_governor = 'Rufus Tamblyn',
      deputy_dt_name = ?, address = '1 Imaginary Lane, Nowhere', phone = '01632 960000', email = 'office@hollowmere.invalid',
      auto_lock_minutes = 15, backup_keep = 7 WHERE id = 1`).run(STAFF.deputy.name);
    db.prepare("INSERT INTO users (id, name, role, created_at, removed_at) VALUES ('u-removed', 'Former Deputy', 'deputy', ?, ?)").run(at, at);
    const year = db.prepare("INSERT INTO academic_years (label, start_date, end_date) VALUES ('2024-25', '2024-09-02', '2025-07-22')").run().lastInsertRowid;
    for (const [name, s, e, hs, he] of [
      ['Autumn', '2024-09-02', '2024-12-20', '2024-10-28', '2024-11-01'],
      ['Spring', '2025-01-06', '2025-04-04', null, null],
      ['Summer', '2025-04-22', '2025-07-22', '2025-05-26', '2025-05-30'],
    ]) {
      db.prepare('INSERT INTO terms (academic_year_id, name, start_date, end_date, half_term_start, half_term_end) VALUES (?, ?, ?, ?, ?, ?)')
        .run(year, name, s, e, hs, he);
    }
    db.prepare("INSERT INTO calendar_closures (academic_year_id, date, kind, description) VALUES (?, '2024-09-02', 'inset', 'INSET day'), (?, '2025-05-05', 'bank_holiday', NULL)").run(year, year);
    const la = db.prepare(`INSERT INTO local_authorities (name, la_code, vsh_name, vs_email, epep_system, ppplus_pence_per_year, ppplus_payment, created_at, updated_at)
      VALUES ('Fictshire County Council', '999', 'Marguerite Oddie', 'vs@fictshire.invalid', 'ePEP Example', 257000, 'termly', ?, ?)`).run(at, at).lastInsertRowid;
    const la2 = db.prepare("INSERT INTO local_authorities (name, created_at, updated_at) VALUES ('Borough of Nowhere', ?, ?)").run(at, at).lastInsertRowid;
    db.prepare("INSERT INTO la_contacts (la_id, name, role, email, phone) VALUES (?, 'Cedric Wollaston', 'PEP coordinator', 'cw@fictshire.invalid', NULL)").run(la);
    db.prepare("INSERT INTO la_pep_deadlines (la_id, academic_year_id, term, cutoff_date) VALUES (?, ?, 'Autumn', '2024-12-06'), (?, ?, 'Spring', '2025-03-21')").run(la, year, la2, year);
    const insChild = db.prepare(`INSERT INTO children (upn, legal_first_name, legal_last_name, preferred_name, date_of_birth, gender, status,
      plac_arrangement, responsible_la_id, date_into_care, date_joined_school, sen_provision, pp_plus_eligible, year_group_offset, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const c1 = insChild.run('A123456789012', 'Zephyrine', 'Quarrington', 'Zeph', '2011-02-14', 'F', 'CLA', null, la, '2019-06-01', '2022-09-05', 'K', 1, 0, at, at).lastInsertRowid;
    const c2 = insChild.run(null, 'Barnaby', 'Fennimore-Clough', null, '2012-07-30', 'M', 'PLAC', 'SGO', la2, null, '2023-09-04', 'N', 0, -1, at, at).lastInsertRowid;
    db.prepare("INSERT INTO placements (child_id, placement_type, carer_name, start_date, end_date, notes) VALUES (?, 'U1', 'Carer One (fictitious)', '2019-06-01', '2021-01-01', NULL), (?, 'U3', NULL, '2021-01-02', NULL, 'long-term')").run(c1, c1);
    db.prepare("INSERT INTO education_history (child_id, school_name, school_urn, start_date, end_date, reason_for_leaving) VALUES (?, 'Brambleford Primary', '999002', '2015-09-01', '2022-07-20', 'Transition to secondary')").run(c1);
    db.prepare("INSERT INTO prior_attainment (child_id, measure, subject, result, result_num, assessed_on) VALUES (?, 'KS2 scaled score', 'Reading', '104', 104.0, '2022-05-10'), (?, 'KS2 scaled score', 'Maths', '98.5', 98.5, NULL)").run(c1, c2);
    appendAudit(db, { action: 'create', userId, recordType: 'child', recordId: Number(c1), at });
    appendAudit(db, { action: 'create', userId, recordType: 'child', recordId: Number(c2), at });
  }).immediate();
}
