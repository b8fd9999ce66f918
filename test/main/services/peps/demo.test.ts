// Demo PEP history: several terms for looked-after children, approved with ratings and superseded,
// targets reviewed with outcomes and carried forward, one returned with a reason, current-term
// drafts part-way through, an optional plan for a PLAC child; deterministic; no audit entries.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../../db/keyring.ts';
import { Register } from '../../../../db/register.ts';
import type { PepStatus } from '../../../../main/api/contract/peps.ts';
import { generateDemo } from '../../../../main/services/demo/index.ts';
import { listPeps } from '../../../../main/services/peps/index.ts';
import { canTransition } from '../../../../main/services/peps/lifecycle.ts';
import { cleanupTempDirs, tempDir } from '../../../helpers/db.ts';

const TODAY = '2026-11-23';
const TABLES = ['peps', 'pep_targets', 'pep_target_reviews', 'pep_target_interventions', 'pep_actions', 'pep_attendees', 'pep_status_changes'];
const dir = tempDir('pep-demo');
let n = 0;

async function demo(seed: number, opts: { children?: number; years?: number; today?: string } = {}): Promise<Register> {
  const { register } = await Register.create({
    path: path.join(dir, `demo-${n++}.cicreg`), schoolName: 'Demo Academy (fictitious)', userName: 'Demo DT', passphrase: 'fictitious demo register only', kdf: FAST_TEST_KDF,
  });
  generateDemo(register, { children: opts.children ?? 30, years: opts.years ?? 3, seed, today: opts.today ?? TODAY });
  return register;
}

const dump = (r: Register) => Object.fromEntries(TABLES.map((t) => [t, r.sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
let register: Register;
const rows = <T>(sql: string): T[] => register.sqlite.prepare(sql).all() as T[];

beforeAll(async () => {
  register = await demo(1);
});

afterAll(() => {
  register.close();
  cleanupTempDirs();
});

describe('demo PEPs', () => {
  it('gives looked-after children PEPs for the current term and the three before it', () => {
    const terms = rows<{ t: string; n: number }>("SELECT academic_year || '-' || term AS t, COUNT(*) AS n FROM peps GROUP BY t ORDER BY MIN(period_start)");
    expect(terms.map((t) => t.t)).toEqual(['2025-26-Autumn', '2025-26-Spring', '2025-26-Summer', '2026-27-Autumn']);
    expect(terms.every((t) => t.n >= 5)).toBe(true);
    expect(rows<{ c: number }>("SELECT COUNT(DISTINCT child_id) AS c FROM peps WHERE json_extract(snapshot, '$.child.status') = 'CLA'")[0]!.c)
      .toBe(rows<{ c: number }>("SELECT COUNT(*) AS c FROM children WHERE status = 'CLA' AND leaving_date IS NULL AND date_joined_school <= '2026-12-08'")[0]!.c);
  });

  it('past PEPs were approved with a rating on the LA\'s scale, then superseded by the next', () => {
    const past = rows<{ status: PepStatus; quality_rating: string | null; quality_rag: string | null; approved_on: string | null; submitted_on: string }>(
      "SELECT * FROM peps WHERE NOT (academic_year = '2026-27' AND term = 'Autumn')");
    expect(new Set(past.map((p) => p.status))).toEqual(new Set(['approved', 'superseded', 'returned']));
    expect(past.every((p) => p.submitted_on !== null)).toBe(true);
    const approved = past.filter((p) => p.approved_on !== null);
    expect(approved.length).toBeGreaterThan(10);
    expect(approved.every((p) => p.quality_rating !== null && ['green', 'amber', 'red'].includes(p.quality_rag!))).toBe(true);
    // Only the latest sent PEP of each child is still live.
    const live = rows<{ child_id: number; n: number }>("SELECT child_id, COUNT(*) AS n FROM peps WHERE status IN ('submitted', 'approved', 'returned') GROUP BY child_id");
    expect(live.every((l) => l.n === 1)).toBe(true);
  });

  it('has exactly one PEP returned by the Virtual School, with its reason', () => {
    const returned = rows<{ returned_reason: string; returned_on: string; submitted_on: string }>("SELECT * FROM peps WHERE returned_on IS NOT NULL");
    expect(returned).toHaveLength(1);
    expect(returned[0]!.returned_reason).toMatch(/success criteria that can be measured/);
    expect(returned[0]!.returned_on >= returned[0]!.submitted_on).toBe(true);
  });

  it('reviews each previous target with an outcome and carries partly / not met forward', () => {
    const outcomes = rows<{ outcome: string | null; n: number }>('SELECT outcome, COUNT(*) AS n FROM pep_target_reviews GROUP BY outcome');
    for (const o of ['met', 'partly', 'not_met']) expect(outcomes.find((x) => x.outcome === o)?.n ?? 0).toBeGreaterThan(0);
    const carried = rows<{ n: number }>('SELECT COUNT(*) AS n FROM pep_target_reviews r JOIN pep_targets t ON t.carried_from_review_id = r.id')[0]!.n;
    expect(carried).toBe(rows<{ n: number }>('SELECT COUNT(*) AS n FROM pep_target_reviews WHERE carry_forward = 1')[0]!.n);
    expect(carried).toBeGreaterThan(0);
  });

  it('current-term PEPs are mostly drafts, part-way complete; a few are ready or submitted', () => {
    const l = listPeps(register, { childId: null, academicYear: '2026-27', term: 'Autumn', status: null }, TODAY);
    const statuses = new Set(l.rows.map((r) => r.status));
    expect(statuses.has('draft')).toBe(true);
    expect(l.rows.some((r) => r.completenessPercent < 100)).toBe(true);
    expect(l.rows.some((r) => r.completenessPercent >= 80)).toBe(true);
    expect(l.rows.some((r) => r.childStatus === 'PLAC')).toBe(true);
  });

  it('every status history follows the lifecycle table', () => {
    for (const c of rows<{ from_status: PepStatus; to_status: PepStatus }>('SELECT * FROM pep_status_changes')) {
      expect(canTransition(c.from_status, c.to_status, { system: true }), `${c.from_status} → ${c.to_status}`).toBe(true);
    }
  });

  it('meetings are never before the child joined or in the future for sent PEPs', () => {
    const bad = rows(`SELECT p.id FROM peps p JOIN children c ON c.id = p.child_id
      WHERE p.meeting_date < c.date_joined_school OR (p.submitted_on IS NOT NULL AND (p.meeting_date > '${TODAY}' OR p.submitted_on > '${TODAY}'))`);
    expect(bad).toEqual([]);
  });

  it('links some targets to the interventions the demo has', () => {
    expect(rows<{ n: number }>('SELECT COUNT(*) AS n FROM pep_target_interventions WHERE intervention_id IS NOT NULL')[0]!.n).toBeGreaterThan(0);
  });

  it('is reproducible from its seed and adds no audit entries of its own', async () => {
    const again = await demo(1);
    const other = await demo(2);
    try {
      expect(dump(again)).toEqual(dump(register));
      expect(dump(other).peps).not.toEqual(dump(register).peps);
      expect(rows<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE record_type LIKE 'child.PEP%'")[0]!.n).toBe(0);
    } finally {
      again.close();
      other.close();
    }
  });

  it('copes with one year, tiny cohorts and every time of year', async () => {
    for (const today of ['2026-09-01', '2027-01-04', '2027-08-31']) {
      const r = await demo(7, { children: 3, years: 1, today });
      try {
        const peps = r.sqlite.prepare('SELECT status, meeting_date, submitted_on FROM peps').all() as { status: string; meeting_date: string | null; submitted_on: string | null }[];
        expect(peps.every((p) => p.submitted_on === null || p.submitted_on <= today)).toBe(true);
      } finally {
        r.close();
      }
    }
  });
});
