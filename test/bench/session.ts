// Peak memory of one working session, as a DT uses the app: a fresh process unlocks the register
// and does each heavy operation once (lists, five children's files, the dashboard, a PEP PDF, the
// governors' report, the chase-letter preview, a backup). Run by test/bench/run.ts.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Register } from '../../db/register.ts';
import { localToday } from '../../main/services/calendar/index.ts';
import { getChildFile } from '../../main/services/children/childFile.ts';
import { listChildren } from '../../main/services/children/children.ts';
import { getDashboard } from '../../main/services/dashboard/index.ts';
import { exportPep } from '../../main/services/peps/export.ts';
import { exportGovernorsReport } from '../../main/services/report/export.ts';
import { buildChaseQueue } from '../../main/services/sla/chase.ts';
import { peakRssMb } from './rss.ts';

const { values } = parseArgs({ options: { register: { type: 'string' }, label: { type: 'string' }, user: { type: 'string' } } });
const today = localToday();
const register = await Register.unlock(values.register!, { userId: values.user!, passphrase: process.env.CIC_PASSPHRASE! });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-bench-session-'));
try {
  const ids = listChildren(register, 'current', today).rows.map((r) => r.id);
  for (const id of ids.slice(0, 5)) getChildFile(register, id, today);
  getDashboard(register, { today });
  const pepId = register.sqlite.prepare('SELECT id FROM peps ORDER BY id DESC LIMIT 1').pluck().get() as number;
  await exportPep(register, { pepId });
  const year = register.sqlite.prepare('SELECT label FROM academic_years WHERE start_date <= ? ORDER BY start_date DESC LIMIT 1').pluck().get(today) as string;
  await exportGovernorsReport(register, year, 'pdf', { today });
  buildChaseQueue(register, today);
  register.backupTo(path.join(work, 'session.cicbackup'));
  console.log(JSON.stringify({ measure: 'peak_rss', register: values.label, mb: peakRssMb(), note: 'one working session in a fresh process: each heavy operation once' }));
} finally {
  register.close();
  fs.rmSync(work, { recursive: true, force: true });
}
