// Child process for test/db/crash.test.ts. Unlocks the register and writes in a tight loop: each
// write is one transaction inserting a child row tagged with a sequence number (plus its audit
// entry); only after the commit returns is the number printed to stdout, which is the parent's
// "acknowledged" signal. The parent kills this process with SIGKILL at a random moment.
//
// Run with `node --import tsx test/db/crash-writer.ts` (or as a bundle built from this file).
// The passphrase comes from the environment, never the command line (DESIGN.md).

import fs from 'node:fs';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';

const file = process.env.CIC_CRASH_REGISTER;
const userId = process.env.CIC_CRASH_USER;
const passphrase = process.env.CIC_CRASH_PASSPHRASE;
if (!file || !userId || !passphrase) {
  process.stderr.write('crash-writer: CIC_CRASH_REGISTER, CIC_CRASH_USER and CIC_CRASH_PASSPHRASE are required\n');
  process.exit(2);
}
// A safety net so an orphaned writer never runs for long if the parent dies without killing it.
const deadline = Date.now() + Number(process.env.CIC_CRASH_MAX_MS ?? 20_000);

const CRASH_UPN_PREFIX = 'CRASH-';

const register = await Register.unlock(file, { userId, passphrase });
const last = register.sqlite
  .prepare(`SELECT max(CAST(substr(upn, ${CRASH_UPN_PREFIX.length + 1}) AS INTEGER)) FROM children WHERE upn LIKE '${CRASH_UPN_PREFIX}%'`)
  .pluck().get() as number | null;
let seq = last ?? 0;

for (;;) {
  seq++;
  const n = seq;
  register.transaction(() => {
    const ts = new Date().toISOString();
    const { lastInsertRowid } = register.run(qb.insertInto('children').values({
      upn: `${CRASH_UPN_PREFIX}${n}`,
      legal_first_name: 'Crashtest',
      legal_last_name: `Dummy ${n}`,
      date_of_birth: '2012-01-01',
      gender: 'X',
      status: 'CLA',
      date_joined_school: '2022-09-05',
      // Varying sizes, some spilling onto overflow pages, so commits touch varied page patterns.
      transition_notes: n % 25 === 0 ? 'n'.repeat(4500 + (n % 3) * 1500) : 'n'.repeat(n % 200),
      created_at: ts,
      updated_at: ts,
    }));
    register.audit({ action: 'create', recordType: 'child', recordId: lastInsertRowid });
  });
  // Synchronous write: once this returns the parent can read the line; nothing is buffered here.
  fs.writeSync(1, `${n}\n`);
  if (Date.now() > deadline) {
    register.close();
    process.exit(3);
  }
}
