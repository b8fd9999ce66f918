// The first-run "try a demo register" option: a separate file filled with fictitious data, so a
// DT can explore the app without touching their real register. Its passphrase is public on purpose.

import fs from 'node:fs';
import type { KdfParams } from '../../db/keyring.ts';
import { registerFiles } from '../../db/paths.ts';
import { Register } from '../../db/register.ts';

export const DEMO_PASSPHRASE = 'fictitious demo register only';
export const DEMO_USER = 'Demo DT';

export async function ensureDemoRegister(demoPath: string, kdf?: KdfParams): Promise<Register> {
  const files = registerFiles(demoPath);
  if (fs.existsSync(files.db) && fs.existsSync(files.keyring)) {
    const user = Register.users(demoPath).find((u) => u.role === 'dt');
    if (user) return Register.unlock(demoPath, { userId: user.id, passphrase: DEMO_PASSPHRASE });
  }
  const { register } = await Register.create({
    path: demoPath, schoolName: 'Demo Academy (fictitious)', userName: DEMO_USER, role: 'dt',
    passphrase: DEMO_PASSPHRASE, ...(kdf ? { kdf } : {}),
  });
  try {
    // Loaded only when a demo is asked for: the generator and its name lists stay out of start-up.
    const { generateDemo } = await import('./demo/index.ts');
    generateDemo(register, { children: 40, years: 3, seed: 1 });
  } catch (e) {
    // No half-made demo left behind: the next attempt starts clean.
    register.close();
    for (const f of [files.db, `${files.db}-wal`, `${files.db}-shm`, files.keyring]) fs.rmSync(f, { force: true });
    throw e;
  }
  return register;
}
