// Small-number suppression (issue 8): property-based tests over random tables and random cohorts.
// Two checkers written independently of the module's own solver play the reader:
//  - lineSolve: for every line (a total and its parts), subtracts what is printed from the total
//    and works out which values each hidden member could take given what the reader knows of the
//    others ("fewer than 5" = 1..4, "withheld" = 0 or 5+, never printed = 0+);
//  - bruteForce: for small single tables, enumerates every table of whole numbers consistent with
//    everything printed, and collects each hidden cell's possible values.
// The guarantee under test: no printed count is 1–4, and every hidden count whose true value is
// 1–4 has at least two possible values. Both checkers bound unknowns by (largest true count + 5):
// a bound can only remove possibilities, so "two values within the bound" is an honest pass.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditSuppression, CountSystem, type EntryStatus, FEWER_THAN, suppress, SUPPRESS_BELOW, suppressSystem, type SuppressionOutcome, WITHHELD,
} from '../../../../main/services/report/suppression.ts';

const reference = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../shared/reference/england-codes.json'), 'utf8')) as {
  thresholds: { small_number_suppression_below: number };
};

const T = SUPPRESS_BELOW;
const sensitiveValue = (v: number): boolean => v >= 1 && v < T;

// ---- checker 1: each line on its own ----------------------------------------------------------

function domainOf(status: EntryStatus, atLeast: number, cap: number): number[] {
  const all = Array.from({ length: cap + 1 }, (_, i) => i).filter((v) => v >= atLeast);
  if (status === 'small') return all.filter((v) => v >= 1 && v < T);
  if (status === 'secondary') return all.filter((v) => v === 0 || v >= T);
  return all;
}

/** For each sensitive hidden member of each printed line: the values the line alone allows. */
function lineSolve(sys: CountSystem, out: SuppressionOutcome): Map<string, Set<number>> {
  const cap = Math.max(...[...sys.entries.values()].map((e) => e.value)) + T;
  const result = new Map<string, Set<number>>();
  for (const l of sys.lines) {
    if (out.omittedGroups.has(l.group) && !l.always) continue;
    const members = [{ k: l.total, sign: 1 }, ...l.parts.map((k) => ({ k, sign: -1 }))];
    let rest = 0; // total − parts over the printed members
    const unknown: { k: string; sign: number; dom: number[] }[] = [];
    for (const m of members) {
      const s = out.status.get(m.k)!;
      const e = sys.entries.get(m.k)!;
      if (s === 'published') rest += m.sign * e.value;
      else unknown.push({ ...m, dom: domainOf(s, e.atLeast, cap) });
    }
    // Σ sign·x over the unknown = −rest
    for (let i = 0; i < unknown.length; i++) {
      const u = unknown[i]!;
      const e = sys.entries.get(u.k)!;
      if (!sensitiveValue(e.value) || (e.hidden && !e.sensitive)) continue;
      // Achievable sums of the others (signed).
      let sums = new Set([0]);
      for (let j = 0; j < unknown.length; j++) {
        if (j === i) continue;
        const next = new Set<number>();
        for (const s of sums) for (const v of unknown[j]!.dom) next.add(s + unknown[j]!.sign * v);
        sums = next;
      }
      const possible = new Set(u.dom.filter((v) => sums.has(-rest - u.sign * v)));
      const prev = result.get(u.k);
      result.set(u.k, prev ? new Set([...prev].filter((v) => possible.has(v))) : possible);
    }
  }
  return result;
}

// ---- checker 2: brute force over small single tables ------------------------------------------

interface Grid { cells: number[][] }

/** Builds the same table the report would: cells r×c, row totals, column totals, grand total. */
function gridSystem(g: Grid, opts: { rowsAtLeastOne?: boolean } = {}): CountSystem {
  const sys = new CountSystem();
  const rows = g.cells.map((_, i) => `r${i}`);
  const cols = g.cells[0]!.map((_, j) => `c${j}`);
  sys.table('t', {
    rows, cols,
    value: (r, c) => g.cells[Number(r.slice(1))]![Number(c.slice(1))]!,
    key: (r, c) => `${r}.${c}`, rowTotal: (r) => `${r}.total`, colTotal: (c) => `total.${c}`, grand: 'total',
    rowsAtLeastOne: () => opts.rowsAtLeastOne ?? false,
  });
  return sys;
}

function bruteForce(g: Grid, sys: CountSystem, out: SuppressionOutcome): Map<string, Set<number>> {
  const R = g.cells.length;
  const C = g.cells[0]!.length;
  const cap = Math.max(...[...sys.entries.values()].map((e) => e.value)) + T;
  const st = (k: string) => out.status.get(k)!;
  const fits = (k: string, v: number): boolean => {
    const s = st(k);
    if (v < sys.entries.get(k)!.atLeast) return false;
    if (s === 'published') return v === sys.value(k);
    if (s === 'small') return v >= 1 && v < T;
    if (s === 'secondary') return v === 0 || v >= T;
    return true;
  };
  /** The most a line's total can be, as the reader knows it. */
  const maxOf = (k: string): number => (st(k) === 'published' ? sys.value(k) : st(k) === 'small' ? T - 1 : Infinity);
  const rowMax = Array.from({ length: R }, (_, i) => maxOf(`r${i}.total`));
  const colMax = Array.from({ length: C }, (_, j) => maxOf(`total.c${j}`));
  const grandMax = maxOf('total');
  const unknown: [number, number][] = [];
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) if (st(`r${i}.c${j}`) !== 'published') unknown.push([i, j]);
  const lastInRow = unknown.map(([i], n) => !unknown.slice(n + 1).some(([a]) => a === i));
  const lastInCol = unknown.map(([, j], n) => !unknown.slice(n + 1).some(([, b]) => b === j));
  const grid = g.cells.map((row) => [...row]);
  for (const [i, j] of unknown) grid[i]![j] = 0;
  const rowSum = grid.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: C }, (_, j) => grid.reduce((a, r) => a + r[j]!, 0));
  let grand = rowSum.reduce((a, b) => a + b, 0);
  const seen = new Map<string, Set<number>>([...sys.entries.keys()].map((k) => [k, new Set<number>()]));
  const record = () => {
    for (let j = 0; j < C; j++) if (!fits(`total.c${j}`, colSum[j]!)) return;
    for (let i = 0; i < R; i++) if (!fits(`r${i}.total`, rowSum[i]!)) return;
    if (!fits('total', grand)) return;
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) seen.get(`r${i}.c${j}`)!.add(grid[i]![j]!);
      seen.get(`r${i}.total`)!.add(rowSum[i]!);
    }
    for (let j = 0; j < C; j++) seen.get(`total.c${j}`)!.add(colSum[j]!);
    seen.get('total')!.add(grand);
  };
  const go = (n: number): void => {
    if (n === unknown.length) return record();
    const [i, j] = unknown[n]!;
    for (let v = 0; v <= cap; v++) {
      // Partial sums only grow: stop once one passes what the reader knows its total can be.
      if (rowSum[i]! + v > rowMax[i]! || colSum[j]! + v > colMax[j]! || grand + v > grandMax) break;
      if (!fits(`r${i}.c${j}`, v)) continue;
      grid[i]![j] = v;
      rowSum[i]! += v;
      colSum[j]! += v;
      grand += v;
      if ((!lastInRow[n] || fits(`r${i}.total`, rowSum[i]!)) && (!lastInCol[n] || fits(`total.c${j}`, colSum[j]!))) go(n + 1);
      rowSum[i]! -= v;
      colSum[j]! -= v;
      grand -= v;
      grid[i]![j] = 0;
    }
  };
  go(0);
  return seen;
}

// ---- generators --------------------------------------------------------------------------------

/** Counts skewed small, as in a real cohort of children in care: many 0–4, some larger. */
const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 2, arbitrary: fc.integer({ min: 5, max: 25 }) });
const grid = (maxRows: number, maxCols: number, cell = count) =>
  fc.integer({ min: 1, max: maxCols }).chain((c) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: 1, maxLength: maxRows }))
    .map((cells) => ({ cells }));

/** A random cohort: children with a status, year group, LA and SEN, as the report tabulates them. */
const cohort = fc.array(fc.record({
  status: fc.constantFrom('CLA', 'PLAC'),
  year: fc.integer({ min: 7, max: 13 }),
  la: fc.constantFrom('A', 'B', 'C', 'D'),
  sen: fc.constantFrom('N', 'K', 'E'),
  joined: fc.boolean(),
  pa: fc.boolean(),
}), { minLength: 0, maxLength: 60 });

type Child = { status: string; year: number; la: string; sen: string; joined: boolean; pa: boolean };

function cohortSystem(children: Child[]): CountSystem {
  const sys = new CountSystem();
  const cols = ['CLA', 'PLAC'];
  const by = (rows: string[], field: (c: Child) => string, group: string, listedOnlyIfPresent: boolean) => sys.table(group, {
    rows, cols,
    value: (r, c) => children.filter((x) => field(x) === r && x.status === c).length,
    key: (r, c) => `${group}.${r}.${c}`, rowTotal: (r) => `${group}.${r}.total`, colTotal: (c) => `cohort.${c}`, grand: 'cohort.total',
    rowsAtLeastOne: () => listedOnlyIfPresent,
  });
  const years = [...new Set(children.map((c) => String(c.year)))].sort();
  by(years, (c) => String(c.year), 'year', true);
  by(['A', 'B', 'C', 'D'], (c) => c.la, 'la', false);
  by(['N', 'K', 'E'], (c) => c.sen, 'sen', false);
  // Joiners: a subset of the cohort in each column.
  for (const c of [...cols, 'total']) {
    sys.count(`joiners.${c}`, children.filter((x) => x.joined && (c === 'total' || x.status === c)).length);
    sys.subset('movement', `joiners.${c}`, `cohort.${c}`);
  }
  sys.line('movement', 'joiners.total', ['joiners.CLA', 'joiners.PLAC']);
  // Persistent absence: a partition of the cohort in each column.
  sys.table('attendance', {
    rows: ['pa', 'not'], cols,
    value: (r, c) => children.filter((x) => x.status === c && x.pa === (r === 'pa')).length,
    key: (r, c) => `att.${r}.${c}`, rowTotal: (r) => `att.${r}.total`, colTotal: (c) => `cohort.${c}`, grand: 'cohort.total',
  });
  return sys;
}

function expectGuarantee(sys: CountSystem, out: SuppressionOutcome): void {
  for (const [k, e] of sys.entries) {
    if (out.status.get(k) === 'published') expect(sensitiveValue(e.value), `${k} printed as ${e.value}`).toBe(false);
  }
  for (const [k, values] of lineSolve(sys, out)) {
    expect(values.size, `${k} (true ${sys.value(k)}) worked out from one line as ${[...values].join(',')}`).toBeGreaterThanOrEqual(2);
    expect(values.has(sys.value(k))).toBe(true);
  }
  const audit = auditSuppression(sys, out, { budget: 200_000 });
  expect(audit.smallPublished).toEqual([]);
  expect(audit.determinable).toEqual([]);
}

// ---- tests -------------------------------------------------------------------------------------

describe('small-number suppression', () => {
  it('uses the threshold from the reference data', () => {
    expect(SUPPRESS_BELOW).toBe(reference.thresholds.small_number_suppression_below);
    expect(FEWER_THAN).toBe('fewer than 5');
  });

  it('hides 1–4, keeps 0 and 5+, and withholds the next smallest cell of a line with one hidden cell', () => {
    const sys = gridSystem({ cells: [[3, 7], [6, 12]] });
    const s = suppressSystem(sys);
    expect(s.count('r0.c0')).toEqual({ value: null, text: FEWER_THAN, suppressed: 'small' });
    // Row 0 then has one hidden cell: 7 (the smallest other cell) is withheld; column 0 likewise takes 6.
    expect(s.count('r0.c1').text).toBe(WITHHELD);
    expect(s.count('r1.c0').text).toBe(WITHHELD);
    // Column 1 now has 7 hidden alone, so 12 goes too; the totals can stay.
    expect(s.count('r1.c1').text).toBe(WITHHELD);
    expect(s.count('total').value).toBe(28);
    expect(s.percent('r0.c0', 'total').value).toBeNull();
    expect(s.percent('r0.total', 'total')).toEqual({ value: 35.7, text: '35.7%' });
  });

  it('suppresses totals that are themselves small, and their percentages', () => {
    const sys = gridSystem({ cells: [[1, 0], [0, 0]] });
    const out = suppress(sys);
    expect(out.status.get('total')).not.toBe('published');
    expect(out.status.get('r0.total')).not.toBe('published');
    expectGuarantee(sys, out);
  });

  it('omits a table that cannot be made safe: four "fewer than 5" parts of a "fewer than 5" total are all 1', () => {
    const sys = gridSystem({ cells: [[1], [1], [1], [1]] }, { rowsAtLeastOne: true });
    const out = suppress(sys);
    expect(out.omittedGroups.has('t')).toBe(true);
    expectGuarantee(sys, out);
  });

  it('catches what the line rule alone misses: a printed 6 = "fewer than 5" + "withheld" forces 1 + 5', () => {
    const g = { cells: [[1, 5], [8, 9]] };
    const sys = gridSystem(g);
    // The line rule on its own withholds 5 (row 0), 8 (column 0) and 9 (column 1) and stops there,
    // with two hidden members in every line. But "withheld" is 0 or 5+, so row 0 (total 6) forces 1 + 5.
    const lineRuleOnly: SuppressionOutcome = {
      status: new Map([...sys.entries.keys()].map((k) => [k, (k === 'r0.c0' ? 'small' : ['r0.c1', 'r1.c0', 'r1.c1'].includes(k) ? 'secondary' : 'published') as EntryStatus])),
      omittedGroups: new Set(),
    };
    expect(auditSuppression(sys, lineRuleOnly).determinable).toContain('r0.c0');
    expect(lineSolve(sys, lineRuleOnly).get('r0.c0')).toEqual(new Set([1]));
    expect(bruteForce(g, sys, lineRuleOnly).get('r0.c0')).toEqual(new Set([1]));
    const out = suppress(sys);
    expect(out.status.get('r0.total')).toBe('secondary');
    expectGuarantee(sys, out);
  });

  it('property: random tables (up to 6 × 4) never print 1–4 and never let a line give a hidden 1–4 away', () => {
    fc.assert(fc.property(grid(6, 4), fc.boolean(), (g, listed) => {
      const sys = gridSystem(g, { rowsAtLeastOne: listed });
      expectGuarantee(sys, suppress(sys));
    }), { numRuns: 300 });
  });

  it('property: small tables checked by brute force over every consistent table', () => {
    fc.assert(fc.property(grid(4, 3, fc.integer({ min: 0, max: 8 })), (g) => {
      const sys = gridSystem(g);
      const out = suppress(sys);
      const possible = bruteForce(g, sys, out);
      for (const [k, e] of sys.entries) {
        const s = out.status.get(k);
        if (s === 'published') {
          expect(sensitiveValue(e.value)).toBe(false);
          continue;
        }
        if (out.omittedGroups.has('t') || !sensitiveValue(e.value)) continue;
        expect(possible.get(k)!.has(e.value), `${k} truth missing`).toBe(true);
        expect(possible.get(k)!.size, `${k} (true ${e.value}) pinned down in ${JSON.stringify(g.cells)}`).toBeGreaterThanOrEqual(2);
      }
    }), { numRuns: 300 });
  });

  it('property: random cohorts tabulated four ways with shared totals, subsets and partitions', () => {
    fc.assert(fc.property(cohort, (children) => {
      const sys = cohortSystem(children);
      expectGuarantee(sys, suppress(sys));
    }), { numRuns: 120 });
  });

  it('is deterministic', () => {
    const children = fc.sample(cohort, { numRuns: 1, seed: 42 })[0]!;
    const a = suppress(cohortSystem(children));
    const b = suppress(cohortSystem(children));
    expect([...a.status]).toEqual([...b.status]);
  });
});
