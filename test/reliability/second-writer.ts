// Child process for secondProcess.test.ts: unlocks the same register as the test and writes
// CIC_WRITES rows (one transaction each, tagged with CIC_TAG), printing each sequence number after
// its commit. Passphrase from the environment, never argv.
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';

const { CIC_REGISTER: file, CIC_USER: userId, CIC_PASSPHRASE: passphrase, CIC_TAG: tag = 'B' } = process.env;
const writes = Number(process.env.CIC_WRITES ?? 100);
const register = await Register.unlock(file!, { userId: userId!, passphrase: passphrase! });
for (let n = 1; n <= writes; n++) {
  register.transaction(() => {
    const id = register.run(qb.insertInto('children').values({
      upn: `${tag}-${n}`, legal_first_name: 'Second', legal_last_name: `Process ${n}`, date_of_birth: '2012-01-01', gender: 'X',
      status: 'CLA', date_joined_school: '2024-09-01', created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
    })).lastInsertRowid;
    register.audit({ action: 'create', recordType: 'child', recordId: id });
  });
  process.stdout.write(`${n}\n`);
}
register.close();
