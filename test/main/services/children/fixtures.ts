// Shared set-up for the children, alerts and import suites: a fresh register with a fictitious
// local authority, and child inputs run through the contract's own schema (so defaults apply).
// Every person here is fictitious.

import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Register } from '../../../../db/register.ts';
import { createChildInput, makeUpn } from '../../../../main/api/contract.ts';
import { createChild } from '../../../../main/services/children/children.ts';
import { saveLocalAuthority } from '../../../../main/services/localAuthorities.ts';
import { createRegister, tempDir, type TestRegister } from '../../../helpers/db.ts';

/** A fixed "today" (a Monday in the spring term) so date rules are deterministic. */
export const TODAY = '2026-03-16';

export async function freshRegister(label = 'children'): Promise<TestRegister & { laId: number }> {
  const t = await createRegister(tempDir(label));
  const la = saveLocalAuthority(t.register, {
    name: 'Northshire County Council (fictitious)', laCode: '991', vshName: 'Marigold Featherstonehaugh', vsEmail: 'vs@northshire.example.org',
    initialPepSchoolDays: 20, newSchoolPepSchoolDays: 20, ppplusPencePerYear: 257000, ppplusPayment: 'termly',
    contacts: [{ name: 'Tobias Wrenfield', role: 'Virtual School caseworker', email: 'tobias.wrenfield@northshire.example.org', phone: '01632 960001' }],
  });
  return { ...t, laId: la.id };
}

export type ChildInput = z.input<typeof createChildInput>;

let serial = 100;
/** A valid, unique UPN (fictitious LA 991). */
export const nextUpn = (): string => {
  const n = serial++;
  return makeUpn(991, 2000 + Math.floor(n / 1000), 2016, n % 1000);
};

export function childInput(overrides: Partial<ChildInput> = {}): z.output<typeof createChildInput> {
  return createChildInput.parse({
    upn: nextUpn(),
    legalFirstName: 'Zephyrine',
    legalLastName: 'Quarrington',
    preferredName: 'Zeph',
    dateOfBirth: '2013-02-14',
    gender: 'F',
    status: 'CLA',
    legalStatus: 'C2',
    dateIntoCare: '2019-05-01',
    dateJoinedSchool: '2024-09-04',
    socialWorkerName: 'Hyacinth Bellweather',
    eswName: 'Crispin Larkhall',
    ...overrides,
  });
}

export function addChild(register: Register, overrides: Partial<ChildInput> = {}, today = TODAY): number {
  return createChild(register, childInput(overrides), today);
}

/** A fingerprint of every row of every table: equal fingerprints mean nothing was written. */
export function fingerprint(register: Register): string {
  const db = register.sqlite;
  const h = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const t of tables) h.update(t).update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()));
  return h.digest('hex');
}
