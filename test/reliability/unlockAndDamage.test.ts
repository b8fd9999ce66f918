// Wrong passphrases and damaged files, generated (issue 9's reliability suite). Every wrong
// passphrase is refused as WrongPassphrase and leaves the register as it was; every damaged copy
// (bytes flipped, pages zeroed, the file cut short or lengthened, the keyring spoilt) is refused
// with a RegisterError or opens with its damage reported by the integrity check, never a raw
// error, a crash or a silently different register. test/db/damaged.test.ts has the named cases.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterError } from '../../db/errors.ts';
import { keyringPath } from '../../db/keyring.ts';
import type { Register } from '../../db/register.ts';
import {
  cleanupTempDirs, createRegister, DEMO_CHILDREN, dumpTables, insertChildren, sha256File, STAFF, tempDir, unlockAs,
} from '../helpers/db.ts';
import { FULL, recordCounts } from '../helpers/reliability.ts';

const FILE = 'hollowmere.cicregister';
const PASSPHRASE_CASES = FULL ? 150 : 15;
const DAMAGE_CASES = FULL ? 1000 : 40;

let original: string;
let pristine: Buffer;
let keyringText: string;
let dtId: string;
let pageSize: number;
let expected: string;

/** The register's data, without the audit log (each unlock appends to it). */
const data = (r: Register): string => {
  const dump = dumpTables(r.sqlite);
  delete dump.audit_log;
  delete dump.meta;
  return JSON.stringify(dump);
};

beforeAll(async () => {
  const made = await createRegister();
  for (let i = 0; i < 4; i++) insertChildren(made.register, DEMO_CHILDREN.map((c, j) => ({ ...c, upn: `Y${i}${j}00000000000`, notes: 'n'.repeat(700) })));
  pageSize = made.register.sqlite.pragma('page_size', { simple: true }) as number;
  expected = data(made.register);
  made.register.close();
  original = made.path;
  pristine = fs.readFileSync(made.path);
  keyringText = fs.readFileSync(keyringPath(made.path), 'utf8');
  dtId = made.dtId;
});

afterAll(cleanupTempDirs);

describe('wrong passphrases', () => {
  it('are each refused as WrongPassphrase; the register is unchanged and opens with the right one', async () => {
    const before = sha256File(original);
    const near = (s: string) => fc.oneof(
      fc.constant(s.toUpperCase()), fc.constant(`${s} `), fc.constant(` ${s}`), fc.constant(s.slice(0, -1)),
      fc.nat({ max: s.length - 1 }).map((i) => `${s.slice(0, i)}${s[i] === 'x' ? 'y' : 'x'}${s.slice(i + 1)}`),
    );
    const wrong = fc.oneof(near(STAFF.dt.passphrase), fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constant('x'.repeat(10_000)))
      .filter((p) => p !== STAFF.dt.passphrase);
    let cases = 0;
    let failures = 0;
    await fc.assert(fc.asyncProperty(wrong, async (passphrase) => {
      cases++;
      const e = await unlockAs(original, dtId, passphrase).then(
        (r) => { r.close(); return null; },
        (err: unknown) => err,
      );
      // The message never echoes what was typed (checked where it is long enough to tell).
      const ok = e instanceof RegisterError && e.code === 'WrongPassphrase' && (passphrase.trim().length < 8 || !e.message.includes(passphrase));
      if (!ok) failures++;
      expect(ok, `passphrase of length ${passphrase.length}: ${String(e)}`).toBe(true);
    }), { numRuns: PASSPHRASE_CASES, seed: 20261123 });
    // Refusals write nothing to the register itself (they are noted beside it until the next unlock).
    const unchanged = sha256File(original) === before;
    const r = await unlockAs(original, dtId, STAFF.dt.passphrase);
    let dataLost = 0;
    try {
      if (!unchanged || data(r) !== expected) dataLost = 1;
    } finally {
      r.close();
    }
    recordCounts('wrong-passphrases', { cases, failures, dataLost });
    expect(unchanged).toBe(true);
    expect(dataLost).toBe(0);
    expect(failures).toBe(0);
  });
});

type Damage =
  | { kind: 'flip'; offsets: number[]; mask: number }
  | { kind: 'zero-page'; page: number }
  | { kind: 'truncate'; length: number }
  | { kind: 'append'; bytes: number }
  | { kind: 'keyring-char'; at: number; char: string }
  | { kind: 'keyring-cut'; length: number };

function damageArb(): fc.Arbitrary<Damage> {
  const size = pristine.length;
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), offsets: fc.array(fc.nat({ max: size - 1 }), { minLength: 1, maxLength: 8 }), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('zero-page' as const), page: fc.nat({ max: size / pageSize - 1 }) }),
    fc.record({ kind: fc.constant('truncate' as const), length: fc.nat({ max: size - 1 }) }),
    fc.record({ kind: fc.constant('append' as const), bytes: fc.integer({ min: 1, max: 3 * pageSize }) }),
    fc.record({ kind: fc.constant('keyring-char' as const), at: fc.nat({ max: keyringText.length - 1 }), char: fc.constantFrom('"', '{', '0', 'A', '\u0000', '%') }),
    fc.record({ kind: fc.constant('keyring-cut' as const), length: fc.nat({ max: keyringText.length - 1 }) }),
  );
}

function apply(d: Damage): { db: Buffer; keyring: string } {
  let db = Buffer.from(pristine);
  let keyring = keyringText;
  switch (d.kind) {
    case 'flip': for (const o of d.offsets) db[o]! ^= d.mask; break;
    case 'zero-page': db.fill(0, d.page * pageSize, (d.page + 1) * pageSize); break;
    case 'truncate': db = db.subarray(0, d.length); break;
    case 'append': db = Buffer.concat([db, Buffer.alloc(d.bytes, 0x41)]); break;
    case 'keyring-char': keyring = `${keyring.slice(0, d.at)}${d.char}${keyring.slice(d.at + 1)}`; break;
    case 'keyring-cut': keyring = keyring.slice(0, d.length); break;
  }
  return { db, keyring };
}

describe('damaged files', () => {
  it('are refused with a RegisterError, or open with the damage reported; never different data passed as sound', async () => {
    const before = sha256File(original);
    const outcomes = { refused: 0, damageReported: 0, unharmed: 0 };
    let cases = 0;
    let failures = 0;
    let dataLost = 0;
    const openDamaged = async (p: string, damage: Damage): Promise<void> => {
      let r: Register;
      try {
        r = await unlockAs(p, dtId, STAFF.dt.passphrase);
      } catch (e) {
        const ok = e instanceof RegisterError;
        if (!ok) failures++;
        expect(ok, `${damage.kind}: ${String(e)}`).toBe(true);
        outcomes.refused++;
        return;
      }
      try {
        if (!r.integrity().ok) {
          outcomes.damageReported++;
          return;
        }
        // Damage SQLite never reads (bytes past the last page in use, an unused keyring field):
        // the data must be exactly the original's.
        let same = false;
        try {
          same = data(r) === expected;
        } catch (e) {
          const ok = e instanceof RegisterError;
          if (!ok) failures++;
          expect(ok, `${damage.kind}, reading: ${String(e)}`).toBe(true);
          outcomes.damageReported++;
          return;
        }
        if (!same) dataLost++;
        expect(same, `${damage.kind}: opened, passed the integrity check, but reads differently`).toBe(true);
        outcomes.unharmed++;
      } finally {
        r.close();
      }
    };
    await fc.assert(fc.asyncProperty(damageArb(), async (damage) => {
      cases++;
      const { db, keyring } = apply(damage);
      const dir = tempDir('damage');
      try {
        const p = path.join(dir, FILE);
        fs.writeFileSync(p, db);
        fs.writeFileSync(keyringPath(p), keyring);
        await openDamaged(p, damage);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }), { numRuns: DAMAGE_CASES, seed: 20261124 });
    const unchanged = sha256File(original) === before;
    if (!unchanged) dataLost++;
    recordCounts('damaged-files', {
      cases, failures, dataLost,
      note: `${outcomes.refused} refused, ${outcomes.damageReported} opened with the damage reported, ${outcomes.unharmed} unharmed`,
    });
    expect(unchanged).toBe(true);
    expect(failures).toBe(0);
    expect(dataLost).toBe(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
