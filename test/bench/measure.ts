// Measures one prebuilt register, in a process of its own so peak RSS is the app's work only.
// Prints one JSON line per measure. Run by test/bench/run.ts; not meant to be run by hand.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FAST_TEST_KDF } from '../../db/keyring.ts';
import { Register } from '../../db/register.ts';
import { alertsFor } from '../../main/services/alerts/index.ts';
import { getDashboard } from '../../main/services/dashboard/index.ts';
import { exportPep } from '../../main/services/peps/export.ts';
import { exportGovernorsReport } from '../../main/services/report/export.ts';
import { localToday } from '../../main/services/calendar/index.ts';
import { getChildFile } from '../../main/services/children/childFile.ts';
import { listChildren } from '../../main/services/children/children.ts';
import { commitImport, previewImport } from '../../main/services/import/index.ts';
import { buildChaseQueue, generateChaseLetters } from '../../main/services/sla/chase.ts';
import { pupilsCsv } from './csv.ts';
import { peakRssMb } from './rss.ts';
import { openPlainCopy } from './plainRegister.ts';
import { time, type Timing } from './stats.ts';

const { values } = parseArgs({
  options: { register: { type: 'string' }, plain: { type: 'string' }, label: { type: 'string' }, user: { type: 'string' }, quick: { type: 'boolean' } },
});
const label = values.label!;
const passphrase = process.env.CIC_PASSPHRASE!;
const today = localToday();
const quick = values.quick ?? false;
const n = (full: number) => (quick ? Math.max(3, Math.ceil(full / 4)) : full);

function emit(measure: string, t: Timing | Record<string, unknown>, extra: Record<string, unknown> = {}): void {
  // Peak so far on every line, so the measure that drives peak RSS can be seen.
  const peak_rss_mb = peakRssMb();
  console.log(JSON.stringify({ measure, register: label, ...t, ...extra, peak_rss_mb }));
}
emit('baseline', {}, { note: 'process started, modules loaded' });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-bench-work-'));
try {
  emit('unlock', await time(n(8), async () => (await Register.unlock(values.register!, { userId: values.user!, passphrase })).close()), { note: 'Argon2id (64 MiB, t=3) + open + verify + audit entry' });

  const register = await Register.unlock(values.register!, { userId: values.user!, passphrase });
  const ids = listChildren(register, 'current', today).rows.map((r) => r.id);
  const pick = (i: number) => ids[(((i + 10) * 7919) % ids.length + ids.length) % ids.length]!;

  emit('list_children', await time(n(20), () => listChildren(register, 'current', today)), { rows: ids.length });
  emit('child_file', await time(n(40), (i) => getChildFile(register, pick(i), today)), { note: "all tabs' data for one child" });
  emit('dashboard_alerts', await time(n(10), () => getDashboard(register, { today })), { note: 'getDashboard: every section, every alert' });
  const pepIds = register.sqlite.prepare("SELECT id FROM peps ORDER BY id DESC LIMIT 20").pluck().all() as number[];
  emit('pep_pdf', await time(n(8), (i) => exportPep(register, { pepId: pepIds[((i % pepIds.length) + pepIds.length) % pepIds.length]! })));
  const yearLabel = register.sqlite.prepare('SELECT label FROM academic_years WHERE start_date <= ? ORDER BY start_date DESC LIMIT 1').pluck().get(today) as string;
  emit('governors_report_pdf', await time(n(4), () => exportGovernorsReport(register, yearLabel, 'pdf', { today })), { year: yearLabel });
  emit('chase_letters_all_overdue', await time(n(5), () => generateChaseLetters(register, { asOf: today })),
    { letters: buildChaseQueue(register, today).letters.length });
  emit('backup_and_verify', await time(n(5), () => register.backupTo(path.join(work, `b-${Math.random()}.cicbackup`))),
    { bytes: fs.statSync(values.register!).size });

  if (label === 'typical') {
    const csv = pupilsCsv(10_000, Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 9 ? 0 : 1));
    let k = 0;
    const fresh: Register[] = [];
    for (let i = 0; i < n(3) + 1; i++) {
      fresh.push((await Register.create({ path: path.join(work, `import-${k++}.cicdb`), schoolName: 'Bench', userName: 'Bench DT', passphrase, kdf: FAST_TEST_KDF })).register);
    }
    emit('import_10000_rows', await time(n(3), (i) => {
      const r = fresh[i + 1]!;
      const req = { kind: 'pupils' as const, fileName: 'pupils.csv', bytes: csv, newChildren: { status: 'CLA' as const, dateJoinedSchool: '2025-09-01' } };
      previewImport(r, req, today);
      commitImport(r, req, today);
    }), { note: 'preview + all-or-nothing commit' });
    for (const r of fresh) r.close();
  }

  // Encryption overhead: the same mixed workload on the register and on an unencrypted copy.
  const mixed = (r: Register) => async (i: number) => {
    listChildren(r, 'current', today);
    for (let j = 0; j < 5; j++) getChildFile(r, pick(i * 5 + j), today);
    alertsFor(r, today);
    getDashboard(r, { today });
    buildChaseQueue(r, today);
  };
  const enc = await time(n(12), mixed(register));
  register.close();
  const plain = openPlainCopy(values.plain!);
  const pl = await time(n(12), mixed(plain));
  plain.close();
  emit('mixed_workload_encrypted', enc);
  emit('mixed_workload_unencrypted', pl);
  emit('encryption_overhead', { ratio: Math.round((enc.median_ms / pl.median_ms) * 100) / 100 });
  // Repeated runs in one process let V8 grow its heap lazily: information, not the session peak.
  emit('peak_rss_repeated_runs', { mb: peakRssMb() });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
