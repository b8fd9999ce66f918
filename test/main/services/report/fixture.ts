// A demo register for the governors' report tests: fictitious children, three academic years,
// survey responses, whole-school figures, training and narrative (generateDemo), as at a fixed date.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAST_TEST_KDF } from '../../../../db/keyring.ts';
import { Register } from '../../../../db/register.ts';
import { generateDemo } from '../../../../main/services/demo/index.ts';

export const TODAY = '2026-11-23';
/** The last complete academic year of the demo (the current one is 2026-27). */
export const YEAR = '2025-26';

export interface DemoFixture { register: Register; dir: string; close: () => void }

export async function demoRegister(opts: { children?: number; years?: number; seed?: number } = {}): Promise<DemoFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-report-'));
  const { register } = await Register.create({
    path: path.join(dir, 'demo.cicdb'), schoolName: 'Demo Academy (fictitious)', userName: 'Demo DT', passphrase: 'fictitious demo register only', kdf: FAST_TEST_KDF,
  });
  generateDemo(register, { children: opts.children ?? 40, years: opts.years ?? 3, seed: opts.seed ?? 1, today: TODAY });
  return {
    register, dir,
    close: () => {
      register.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every identifier of every child on the register, as the report must never print them. */
export function childIdentifiers(register: Register): { fullNames: string[]; surnames: string[]; firstNames: string[]; upns: string[]; dobs: string[] } {
  const rows = register.sqlite.prepare('SELECT legal_first_name AS f, legal_last_name AS l, preferred_name AS p, upn, date_of_birth AS dob FROM children')
    .all() as { f: string; l: string; p: string | null; upn: string | null; dob: string }[];
  const ddmm = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return {
    fullNames: rows.flatMap((r) => [`${r.f} ${r.l}`, ...(r.p ? [`${r.p} ${r.l}`] : [])]),
    surnames: rows.map((r) => r.l),
    firstNames: rows.flatMap((r) => [r.f, ...(r.p ? [r.p] : [])]),
    upns: rows.flatMap((r) => (r.upn ? [r.upn] : [])),
    dobs: rows.flatMap((r) => [r.dob, ddmm(r.dob)]),
  };
}

/** First names that are also ordinary words the report prints (e.g. the Summer term). */
export const ORDINARY_WORDS = new Set(['Summer', 'Grace', 'Sky', 'Skye', 'Ash', 'Robin', 'Ruby', 'Poppy', 'Mason', 'Jack', 'Dev', 'Theo', 'Lin', 'Ren', 'Jun', 'Hana']);

export const word = (w: string): RegExp => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
