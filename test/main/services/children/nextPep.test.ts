// The child's file shows the next PEP due for a looked-after child (from the alerts engine's PEP
// schedule) and none for a previously looked-after child, who has no statutory PEP.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../../db/keyring.ts';
import { Register } from '../../../../db/register.ts';
import { getChildFile } from '../../../../main/services/children/childFile.ts';
import { generateDemo } from '../../../../main/services/demo/index.ts';
import { cleanupTempDirs, tempDir } from '../../../helpers/db.ts';

const TODAY = '2026-11-23';
let register: Register;

beforeAll(async () => {
  ({ register } = await Register.create({ path: path.join(tempDir('next-pep'), 'r.cicdb'), schoolName: 'Demo (fictitious)', userName: 'Demo DT', passphrase: 'fictitious demo register only', kdf: FAST_TEST_KDF }));
  generateDemo(register, { children: 20, years: 2, seed: 3, today: TODAY });
});

afterAll(() => {
  register.close();
  cleanupTempDirs();
});

describe("the child's next PEP", () => {
  it('is a date for every looked-after child on roll, and absent for previously looked-after children', () => {
    const kids = register.sqlite.prepare('SELECT id, status FROM children WHERE leaving_date IS NULL').all() as { id: number; status: string }[];
    expect(kids.some((k) => k.status === 'CLA') && kids.some((k) => k.status === 'PLAC')).toBe(true);
    for (const k of kids) {
      const next = getChildFile(register, k.id, TODAY).nextPepDue;
      if (k.status === 'PLAC') expect(next).toBeNull();
      else expect(next?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
