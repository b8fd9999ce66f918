// The stored CSV fixtures (test/fixtures/csv, all fictitious) and helpers shared by the import suites.
import fs from 'node:fs';
import path from 'node:path';
import { makeUpn } from '../../../../main/api/contract.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/csv');
export const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));
/** UPNs of the fixture files: fictitious LA 992, correct check letters. */
export const fixtureUpn = (n: number): string => makeUpn(992, 3001, 15, n);
