// A 10,000-row export, and the all-or-nothing property: any import with at least one rejected row
// leaves the register byte-for-byte unchanged. All data generated and fictitious.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import { makeUpn } from '../../../../main/api/contract.ts';
import { listChildren } from '../../../../main/services/children/children.ts';
import { commitImport, previewImport } from '../../../../main/services/import/index.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { fingerprint, freshRegister, TODAY } from '../children/fixtures.ts';

const quote = (c: string): string => (/[",\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c);
const csv = (rows: string[][]): Buffer => Buffer.from(rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n', 'utf8');

/** A Year 7–11 pupil whose date of birth matches the year (academic year 2025-26). */
function pupil(i: number): string[] {
  const year = 7 + (i % 5);
  const birthYear = 2025 - year - 5;
  const month = 1 + (i % 12);
  const dobYear = month >= 9 ? birthYear : birthYear + 1;
  const dob = `${String(1 + (i % 28)).padStart(2, '0')}/${String(month).padStart(2, '0')}/${dobYear}`;
  return [makeUpn(993, 4000 + Math.floor(i / 1000), 14, i % 1000), `Surname${i}`, `Forename${i}`, dob, i % 2 ? 'M' : 'F', String(year), 'N'];
}
const PUPIL_HEADER = ['UPN', 'Legal Surname', 'Legal Forename', 'DOB', 'Gender', 'NC Year', 'SEN Provision'];

describe('a 10,000-row file', () => {
  let register: Register;
  beforeAll(async () => {
    register = (await freshRegister('large')).register;
  });
  afterAll(() => register.close());

  it('previews and imports 10,000 pupils, then 10,000 attendance rows, quickly', () => {
    const N = 10_000;
    const pupils = csv([PUPIL_HEADER, ...Array.from({ length: N }, (_, i) => pupil(i))]);
    const p = previewImport(register, { kind: 'pupils', fileName: 'big.csv', bytes: pupils }, TODAY);
    expect(p.counts).toEqual({ rows: N, new: N, update: 0, unchanged: 0, rejected: 0 });
    commitImport(register, { kind: 'pupils', fileName: 'big.csv', bytes: pupils }, TODAY);
    expect(register.sqlite.prepare('SELECT count(*) FROM children').pluck().get()).toBe(N);

    const attendance = csv([
      ['UPN', 'Start Date', 'End Date', 'Possible Sessions', 'Present', 'Authorised Absences', 'Unauthorised Absences'],
      ...Array.from({ length: N }, (_, i) => [pupil(i)[0]!, '05/01/2026', '13/02/2026', '60', String(45 + (i % 16)), String(15 - (i % 16)), '0']),
    ]);
    const a = commitImport(register, { kind: 'attendance', fileName: 'att.csv', bytes: attendance }, TODAY);
    expect(a.counts.new).toBe(N);

    const list = listChildren(register, 'current', TODAY);
    expect(list.rows).toHaveLength(N);
    // Speed is measured by npm run bench (import_10000_rows), not asserted here.
  });
});

describe('all or nothing', () => {
  let register: Register;
  let dbFile: string;
  const existing: string[] = [];

  beforeAll(async () => {
    const t = await freshRegister('property');
    register = t.register;
    dbFile = t.path;
    const seed = [PUPIL_HEADER, ...Array.from({ length: 30 }, (_, i) => pupil(20_000 + i))];
    commitImport(register, { kind: 'pupils', fileName: 'seed.csv', bytes: csv(seed) }, TODAY);
    existing.push(...seed.slice(1).map((r) => r[0]!));
    commitImport(register, {
      kind: 'attendance', fileName: 'seed.csv', bytes: csv([['UPN', 'Start Date', 'End Date', 'Possible', 'Present'], ...existing.map((u) => [u, '03/09/2025', '19/12/2025', '140', '130'])]),
    }, TODAY);
  });
  afterAll(() => {
    register.close();
    cleanupTempDirs();
  });

  const fileBytes = (): string => {
    register.sqlite.pragma('wal_checkpoint(PASSIVE)');
    const h = crypto.createHash('sha256');
    for (const f of [dbFile, `${dbFile}-wal`]) if (fs.existsSync(f)) h.update(fs.readFileSync(f));
    return h.digest('hex');
  };

  const anyText = fc.string({ maxLength: 20, unit: fc.constantFrom(...'abcZoëÅ£ ,"\r\n=+-@\'\t'.split('')) });
  const wrongCheck = fc.nat(999).map((n) => {
    const u = makeUpn(994, 5001, 15, n);
    return (u[0] === 'A' ? 'B' : 'A') + u.slice(1);
  });

  /** Rows that may or may not be valid: existing and new UPNs, arbitrary names, formula-like text. */
  const maybePupil = fc.tuple(fc.nat(50_000), fc.boolean(), anyText, anyText).map(([i, reuse, last, first]) => {
    const r = pupil(30_000 + i);
    if (reuse) r[0] = existing[i % existing.length]!;
    r[1] = last || r[1]!;
    r[2] = first || r[2]!;
    return r;
  });
  /** Rows that are always rejected. */
  const badPupil = fc.tuple(fc.nat(50_000), fc.constantFrom('upn', 'date', 'impossible', 'name', 'gender', 'year'), wrongCheck).map(([i, how, bad]) => {
    const r = pupil(40_000 + i);
    if (how === 'upn') r[0] = bad;
    if (how === 'date') r[3] = 'next Tuesday';
    if (how === 'impossible') r[3] = '31/02/2013';
    if (how === 'name') r[1] = '';
    if (how === 'gender') r[4] = 'Q';
    if (how === 'year') r[5] = String(Number(r[5]) - 3);
    return r;
  });
  const withBad = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
    fc.tuple(fc.array(good, { maxLength: 25 }), fc.array(bad, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { minLength: 5, maxLength: 5 }))
      .map(([g, b, at]) => {
        const rows = [...g];
        b.forEach((row, i) => rows.splice(at[i]! % (rows.length + 1), 0, row));
        return rows;
      });

  it('a pupils file with any rejected row changes nothing at all', async () => {
    await fc.assert(fc.asyncProperty(withBad(maybePupil, badPupil), async (rows) => {
      const req = { kind: 'pupils' as const, fileName: 'p.csv', bytes: csv([PUPIL_HEADER, ...rows]) };
      expect(previewImport(register, req, TODAY).counts.rejected).toBeGreaterThan(0);
      const before = fingerprint(register);
      const bytes = fileBytes();
      await expectRegisterError(() => commitImport(register, req, TODAY), 'Invalid');
      expect(fingerprint(register)).toBe(before);
      expect(fileBytes()).toBe(bytes);
    }), { numRuns: 40 });
  });

  it('an attendance file with any rejected row changes nothing at all', async () => {
    const header = ['UPN', 'Start Date', 'End Date', 'Possible Sessions', 'Present', 'Authorised Absences', 'Unauthorised Absences'];
    const upnFrom = fc.oneof(fc.constantFrom(...existing), fc.nat(999).map((n) => makeUpn(994, 5000, 15, n)));
    const maybe = fc.tuple(upnFrom, fc.nat(60), fc.nat(20), fc.constantFrom(['05/01/2026', '13/02/2026'], ['03/09/2025', '19/12/2025'], ['23/02/2026', '13/03/2026']))
      .map(([u, present, auth, [s, e]]) => [u, s!, e!, '60', String(present), String(auth), '0']);
    const bad = fc.tuple(fc.constantFrom(...existing), fc.constantFrom('unknown', 'sum', 'date', 'backwards', 'overlap'), wrongCheck).map(([u, how, w]) => {
      const r = [u, '05/01/2026', '13/02/2026', '60', '50', '5', '0'];
      if (how === 'unknown') r[0] = w;
      if (how === 'sum') r[4] = '59';
      if (how === 'date') r[1] = '30/02/2026';
      if (how === 'backwards') [r[1], r[2]] = ['13/02/2026', '05/01/2026'];
      if (how === 'overlap') [r[1], r[2]] = ['01/12/2025', '10/01/2026'];
      return r;
    });
    await fc.assert(fc.asyncProperty(withBad(maybe, bad), async (rows) => {
      const req = { kind: 'attendance' as const, fileName: 'a.csv', bytes: csv([header, ...rows]) };
      expect(previewImport(register, req, TODAY).counts.rejected).toBeGreaterThan(0);
      const before = fingerprint(register);
      const bytes = fileBytes();
      await expectRegisterError(() => commitImport(register, req, TODAY), 'Invalid');
      expect(fingerprint(register)).toBe(before);
      expect(fileBytes()).toBe(bytes);
    }), { numRuns: 40 });
  });
});
