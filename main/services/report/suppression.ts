// Small-number suppression for the governors' report (DESIGN.md "Data minimisation"). Pure: no
// database, no I/O. The report's counts are registered in a CountSystem (each count under a key,
// and the sums that tie them together: row, column and grand totals, totals shared between
// tables, and "is part of" relations); `suppress` decides which counts can be printed.
//
// THE RULES
//  1. Primary: every count from 1 to 4 (below `small_number_suppression_below`, 5, in the
//     reference data) is printed as "fewer than 5". Zero and 5 or more may be printed.
//  2. Secondary: a line (a total and its parts) with exactly one hidden member that matters (a
//     "fewer than 5", a protected remainder, or a withheld non-zero count) would give it away by
//     subtraction, so another printed member of that line is withheld too, printed as "withheld".
//     Repeated to a fixed point. Which member: non-zero before zero (a withheld zero protects
//     little; one pinned by a printed total of 0 is never chosen), then the lowest weight (the
//     report marks headline figures, such as the cohort and persistent absence, to go last), then
//     parts before totals (totals are shared between tables), then the smallest.
//  3. Audit: an exact solver then plays the reader. It knows every printed count, every sum
//     relation, that "fewer than 5" means 1–4, that "withheld" means 0 or at least 5 (it would say
//     "fewer than 5" otherwise), that counts are whole numbers, and that a row listed because it
//     has children has at least one (`atLeast`). For each sensitive count (a hidden count whose
//     true value is 1–4: a "fewer than 5" cell, or a never-printed difference such as "children in
//     Year 6 without KS2 results") it looks for a second value consistent with all of that:
//       - fixed by the equations alone (zero in every null-space vector, by elimination): none;
//       - else the truth moved by small combinations of null-space vectors (the ±1 cycles of a
//         table), then a depth-first search with bounds propagation, first within ±2 and ±6 of
//         every true value, then anywhere (truth-first branching), each under a step budget.
//     A count with no second value could be worked out. Then a printed count is withheld so that
//     it no longer can: for one fixed by the equations, a count predicted by the elimination to
//     free it (then checked), else the best count in the equations that fix it; otherwise the best
//     nearby count that, checked, gives it a second value; else the best in the lines through it.
//     The audit runs again. Withholding only ever takes knowledge away from the reader, so a count
//     once shown to have a second value keeps it and is not checked again.
//  4. Last resort: when nothing printed is left to withhold near a count and it can still be
//     worked out (four "fewer than 5" parts of a "fewer than 5" total must all be 1), its table is
//     not printed at all (`omittedGroups`), and the report says the numbers are too small. The
//     table's sums leave the reader's model with it; "is part of" facts (`always`) stay.
//
// THE GUARANTEE (what `auditSuppression` checks and the property tests test)
//  No printed count is 1–4; and for every sensitive count, at least two values are consistent
//  with everything printed (the printed tables' sums, the "is part of" facts, every printed count
//  and range) under the reader's knowledge above. The search bounds every unknown by the largest
//  true count plus the threshold. That bound contains the truth, and a bounded search can only
//  find fewer alternatives than an unbounded one, so a count the audit passes is never one an
//  unbounded reader could pin down. If the search runs out of its step budget, the count is
//  treated as determinable (more is withheld): the guarantee never rests on a search that gave up.
//  What it does not cover: knowledge from outside the report (a governor who knows a child), and
//  "at least two values" is not "many values" ("fewer than 5" already says 1–4). Derived figures
//  are the caller's job: a percentage, average or amount of money is printed only when the counts
//  it is built from are printed (see `Suppressed.percent`).

export const SUPPRESS_BELOW = 5;

export type EntryStatus = 'published' | 'small' | 'secondary' | 'hidden';

export interface Line {
  /** The table the line belongs to; a table that cannot be made safe is omitted as a whole. */
  group: string;
  total: string;
  parts: string[];
  /**
   * A fact the reader knows whatever is printed (a part is no bigger than the whole): it stays in
   * the reader's model even when its table is omitted. Table sums go with their table.
   */
  always?: boolean;
}

export interface Entry {
  value: number;
  /** Never printed (a remainder a reader could work out by difference). */
  hidden: boolean;
  /** For hidden entries: whether a value of 1–4 must be protected (e.g. "Year 6 pupils without KS2 results"). */
  sensitive: boolean;
  /** What the reader knows without being told, e.g. a row listed only because someone is in it has at least 1. */
  atLeast: number;
  /** How reluctant to withhold it for others' sake: headline figures (higher) go last. */
  weight: number;
}

export class CountSystem {
  readonly entries = new Map<string, Entry>();
  readonly lines: Line[] = [];
  readonly groups = new Set<string>();

  /** A count that will be printed (or suppressed). The same key twice must carry the same value. */
  count(key: string, value: number, opts: { atLeast?: number } = {}): string {
    if (!Number.isInteger(value) || value < 0) throw new Error(`count ${key} must be a non-negative whole number`);
    const e = this.entries.get(key);
    if (e && e.value !== value) throw new Error(`count ${key} registered twice with different values`);
    if (e && e.hidden) throw new Error(`count ${key} is registered as never printed`);
    this.entries.set(key, {
      value, hidden: false, sensitive: true, atLeast: Math.max(e?.atLeast ?? 0, opts.atLeast ?? 0), weight: e?.weight ?? 0,
    });
    return key;
  }

  /** A count that is never printed but that a reader could work out by difference. */
  hiddenCount(key: string, value: number, opts: { sensitive?: boolean } = {}): string {
    if (!Number.isInteger(value) || value < 0) throw new Error(`count ${key} must be a non-negative whole number`);
    if (this.entries.has(key)) throw new Error(`count ${key} registered twice`);
    this.entries.set(key, { value, hidden: true, sensitive: opts.sensitive ?? true, atLeast: 0, weight: 0 });
    return key;
  }

  /** total = sum of parts, all already registered. */
  line(group: string, total: string, parts: string[], opts: { always?: boolean } = {}): void {
    for (const k of [total, ...parts]) if (!this.entries.has(k)) throw new Error(`line in ${group} uses unregistered ${k}`);
    if (new Set([total, ...parts]).size !== parts.length + 1) throw new Error(`line in ${group} repeats a member`);
    const sum = parts.reduce((s, p) => s + this.entries.get(p)!.value, 0);
    if (sum !== this.entries.get(total)!.value) throw new Error(`line ${total} in ${group} does not add up`);
    this.groups.add(group);
    this.lines.push({ group, total, parts, ...(opts.always ? { always: true } : {}) });
  }

  /**
   * `sub` counts some of the children `sup` counts: sup = sub + (an unprinted remainder). With
   * `sensitive`, a remainder of 1–4 is protected like a printed count (e.g. "children in Year 6
   * without KS2 results"); without, the relation only tells the reader that sub ≤ sup (e.g.
   * "children who did not join this year" is no secret).
   */
  subset(group: string, sub: string, sup: string, opts: { sensitive?: boolean } = {}): void {
    const rest = `${sub}⊂${sup}`;
    if (!this.entries.has(sub) || !this.entries.has(sup)) throw new Error(`subset in ${group} uses an unregistered count`);
    this.hiddenCount(rest, this.entries.get(sup)!.value - this.entries.get(sub)!.value, { sensitive: opts.sensitive ?? true });
    this.line(group, sup, [sub, rest], { always: true });
  }

  /**
   * A table with row and column totals and a grand total: rows × cols cells under `key(r, c)`,
   * row totals `rowTotal(r)`, column totals `colTotal(c)` (shared with other tables by key) and
   * the grand total `grand`. Registers the counts and all the lines.
   */
  table(group: string, t: {
    rows: readonly string[]; cols: readonly string[];
    value: (r: string, c: string) => number;
    key: (r: string, c: string) => string; rowTotal: (r: string) => string; colTotal: (c: string) => string; grand: string;
    /** Rows listed only because they have children: the reader knows their total is at least 1. */
    rowsAtLeastOne?: (r: string) => boolean;
  }): void {
    let grand = 0;
    const colSums = new Map<string, number>(t.cols.map((c) => [c, 0]));
    for (const r of t.rows) {
      let rowSum = 0;
      for (const c of t.cols) {
        const v = t.value(r, c);
        this.count(t.key(r, c), v);
        rowSum += v;
        colSums.set(c, colSums.get(c)! + v);
      }
      this.count(t.rowTotal(r), rowSum, { atLeast: t.rowsAtLeastOne?.(r) ? 1 : 0 });
      grand += rowSum;
    }
    for (const c of t.cols) this.count(t.colTotal(c), colSums.get(c)!);
    this.count(t.grand, grand);
    for (const r of t.rows) this.line(group, t.rowTotal(r), t.cols.map((c) => t.key(r, c)));
    for (const c of t.cols) this.line(group, t.colTotal(c), t.rows.map((r) => t.key(r, c)));
    this.line(group, t.grand, t.cols.map((c) => t.colTotal(c)));
    if (t.rows.length) this.line(group, t.grand, t.rows.map((r) => t.rowTotal(r)));
  }

  /**
   * Makes a count one to withhold later rather than sooner when a secondary suppression is needed
   * (higher weight = more reluctant). Only changes which figures are withheld, never whether the
   * result is safe.
   */
  weigh(key: string, weight: number): void {
    const e = this.entries.get(key);
    if (!e) throw new Error(`unknown count ${key}`);
    e.weight = Math.max(e.weight, weight);
  }

  value(key: string): number {
    const e = this.entries.get(key);
    if (!e) throw new Error(`unknown count ${key}`);
    return e.value;
  }
}

export interface SuppressionOptions {
  threshold?: number;
  /** Search steps allowed per question the audit asks; running out counts as "determinable". */
  budget?: number;
  /** Called with each decision, for debugging and tests. */
  trace?: (step: { rule: 'line' | 'audit' | 'omit'; key: string; because: string }) => void;
}

export interface SuppressionOutcome {
  status: Map<string, EntryStatus>;
  omittedGroups: Set<string>;
}

/** Applies the rules above; the result passes `auditSuppression`. */
export function suppress(sys: CountSystem, opts: SuppressionOptions = {}): SuppressionOutcome {
  const threshold = opts.threshold ?? SUPPRESS_BELOW;
  const status = new Map<string, EntryStatus>();
  for (const [k, e] of sys.entries) status.set(k, e.hidden ? 'hidden' : e.value >= 1 && e.value < threshold ? 'small' : 'published');
  const omitted = new Set<string>();
  const safe = new Set<string>();
  const sensitive = (k: string): boolean => isSensitive(sys.entries.get(k)!, status.get(k)!, threshold);
  const active = (): Line[] => sys.lines.filter((l) => l.always || !omitted.has(l.group));

  for (;;) {
    // Rule 2 to a fixed point: no line with exactly one unknown member that matters.
    let changed = true;
    while (changed) {
      changed = false;
      for (const l of active()) {
        const members = [l.total, ...l.parts];
        const unknown = members.filter((k) => status.get(k) !== 'published');
        if (unknown.length !== 1) continue;
        const u = unknown[0]!;
        // A lone "fewer than 5", a lone protected remainder, or a lone withheld non-zero count would be
        // given away by subtraction. (A lone withheld zero gives nothing away that the audit does not check.)
        if (!sensitive(u) && !(status.get(u) === 'secondary' && sys.entries.get(u)!.value > 0)) continue;
        const pick = nextToWithhold(sys, status, [l]);
        if (pick) {
          status.set(pick, 'secondary');
          opts.trace?.({ rule: 'line', key: pick, because: u });
          changed = true;
        }
      }
    }
    // Rule 3: the exact audit.
    const result = firstDeterminable(sys, status, omitted, threshold, safe, opts.budget);
    if (!result) break;
    const found = result.key;
    const through = active().filter((l) => l.total === found || l.parts.includes(found));
    // Fixed by the equations alone: withhold the first count (in the usual order) whose withholding
    // actually breaks the equation that fixes it; otherwise, the usual choice near it.
    const near = neighbourLines(active(), found, 2);
    // A withheld zero far from the count protects nothing: zeros only from the lines through it.
    const farNonZero = rankedCandidates(sys, status, componentLines(active(), found)).find((k) => sys.entries.get(k)!.value > 0) ?? null;
    const pick = effectiveCount(sys, status, omitted, threshold, found, result.pinned, result.pinned ? componentLines(active(), found) : near)
      ?? nextToWithhold(sys, status, through) ?? farNonZero;
    if (pick) {
      status.set(pick, 'secondary');
      opts.trace?.({ rule: 'audit', key: pick, because: found });
      continue;
    }
    // Rule 4: everything connected to it is hidden and it can still be worked out.
    let groups = [...new Set(through.filter((l) => !l.always && !omitted.has(l.group)).map((l) => l.group))];
    if (groups.length === 0) groups = [...new Set(componentLines(active(), found).filter((l) => !l.always && !omitted.has(l.group)).map((l) => l.group))];
    if (groups.length === 0) throw new Error(`count ${found} can be worked out from what every reader knows`);
    for (const g of groups) {
      omitted.add(g);
      opts.trace?.({ rule: 'omit', key: g, because: found });
    }
  }
  return { status, omittedGroups: omitted };
}

/**
 * The next count to withhold among the lines' printed members: non-zero before zero (a withheld
 * zero protects little), then the lowest weight (headline figures last), then parts before totals
 * (totals are shared between tables), then the smallest. A count pinned by a line whose printed
 * total is 0 is never chosen: the reader knows it is 0 whatever is printed.
 */
function nextToWithhold(sys: CountSystem, status: Map<string, EntryStatus>, lines: Line[]): string | null {
  return rankedCandidates(sys, status, lines)[0] ?? null;
}

/** The lines' printed members in the order they would be withheld (see nextToWithhold). */
function rankedCandidates(sys: CountSystem, status: Map<string, EntryStatus>, lines: Line[]): string[] {
  const pinned = pinnedToZero(sys, status);
  const ranked = new Map<string, number[]>();
  let order = 0;
  for (const l of lines) {
    for (const [k, isTotal] of [...l.parts.map((p) => [p, 1] as const), [l.total, 2] as const]) {
      order++;
      if (status.get(k) !== 'published' || pinned.has(k)) continue;
      const e = sys.entries.get(k)!;
      const rank = [e.value === 0 ? 1 : 0, e.weight, isTotal, e.value, order];
      const seen = ranked.get(k);
      if (!seen || lexLess(rank, seen)) ranked.set(k, rank);
    }
  }
  return [...ranked].sort((a, b) => (lexLess(a[1], b[1]) ? -1 : lexLess(b[1], a[1]) ? 1 : 0)).map(([k]) => k);
}

/**
 * The first candidate (in withholding order, among the first 60) that, withheld on its own, stops
 * `key` being worked out: for a count fixed by the equations alone, one that breaks that fixing;
 * otherwise one after which the audit finds a second value. Null when no single count does.
 */
function effectiveCount(sys: CountSystem, status: Map<string, EntryStatus>, omitted: Set<string>, threshold: number, key: string, pinned: boolean,
  lines: Line[]): string | null {
  const ranked = rankedCandidates(sys, status, lines);
  const here = new Problem(sys, status, omitted, threshold);
  const candidates = pinned ? here.unpinners(key, ranked) : ranked.filter((k) => sys.entries.get(k)!.value > 0).slice(0, 12);
  for (const c of candidates.slice(0, 20)) {
    status.set(c, 'secondary');
    // A quick check (small search budget): a miss only means trying the next candidate.
    const p = new Problem(sys, status, omitted, threshold, 1_000);
    const works = pinned ? !p.isPinned(key) : p.hasSecondValue(key);
    status.set(c, 'published');
    if (works) return c;
  }
  // No single count frees it: withhold the first of the printed counts in the equations that pin
  // it. That moves the pin onto other counts (or removes it), and the next round carries on.
  return pinned ? nextToWithhold(sys, status, here.pinningEquations(key)) : null;
}

/** Parts of any line whose total is printed as 0 (all of them are 0, printed or not). */
function pinnedToZero(sys: CountSystem, status: Map<string, EntryStatus>): Set<string> {
  const out = new Set<string>();
  for (const l of sys.lines) {
    if (status.get(l.total) === 'published' && sys.entries.get(l.total)!.value === 0) for (const p of l.parts) out.add(p);
  }
  return out;
}

/** A hidden count (not printed) whose true value is 1..threshold−1 and that must stay unknown. */
function isSensitive(e: Entry, s: EntryStatus, threshold: number): boolean {
  return s !== 'published' && e.value >= 1 && e.value < threshold && (!e.hidden || e.sensitive);
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** Lines within `hops` steps of a count (1: the lines through it; 2: and the lines through their members). */
function neighbourLines(lines: Line[], start: string, hops: number): Line[] {
  let keys = new Set([start]);
  const out = new Set<Line>();
  for (let h = 0; h < hops; h++) {
    const next = new Set(keys);
    for (const l of lines) {
      if (out.has(l) || ![l.total, ...l.parts].some((k) => keys.has(k))) continue;
      out.add(l);
      for (const k of [l.total, ...l.parts]) next.add(k);
    }
    keys = next;
  }
  return [...out];
}

function componentLines(lines: Line[], start: string): Line[] {
  const keys = new Set([start]);
  const out = new Set<Line>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of lines) {
      if (out.has(l)) continue;
      if ([l.total, ...l.parts].some((k) => keys.has(k))) {
        out.add(l);
        for (const k of [l.total, ...l.parts]) keys.add(k);
        grew = true;
      }
    }
  }
  return [...out];
}

// ---- the audit: an exact bounded solver playing the reader -------------------------------------

export interface AuditReport {
  /** Printed counts from 1 to threshold − 1 (must be none). */
  smallPublished: string[];
  /** Sensitive counts (hidden, true value 1–4) for which no second consistent value exists. */
  determinable: string[];
}

/** Checks an outcome against the guarantee in the header comment. */
export function auditSuppression(sys: CountSystem, out: SuppressionOutcome, opts: SuppressionOptions = {}): AuditReport {
  const threshold = opts.threshold ?? SUPPRESS_BELOW;
  const smallPublished = [...sys.entries].filter(([k, e]) => out.status.get(k) === 'published' && e.value >= 1 && e.value < threshold).map(([k]) => k);
  const problem = new Problem(sys, out.status, out.omittedGroups, threshold, opts.budget);
  const safe = new Set<string>();
  const determinable = problem.sensitive.filter((k) => !safe.has(k) && !problem.hasSecondValue(k, safe));
  return { smallPublished, determinable };
}

/**
 * The first sensitive count that can be worked out, or null. `safe` carries over between calls:
 * withholding more, or leaving out a table, only takes knowledge away from the reader, so a count
 * once shown to have a second possible value keeps it.
 */
function firstDeterminable(sys: CountSystem, status: Map<string, EntryStatus>, omitted: Set<string>, threshold: number, safe: Set<string>, budget?: number): { key: string; pinned: boolean } | null {
  const problem = new Problem(sys, status, omitted, threshold, budget);
  // Counts fixed by the equations alone first: they are usually the cause of the others.
  let first: string | null = null;
  for (const k of problem.sensitive) {
    if (safe.has(k) || problem.hasSecondValue(k, safe)) continue;
    if (problem.isPinned(k)) return { key: k, pinned: true };
    first ??= k;
  }
  return first === null ? null : { key: first, pinned: false };
}

interface Dom { lo: number; hi: number; gap: boolean }
/** Σ coef·x = rhs over variable indices. */
interface Constraint { vars: number[]; coefs: number[]; rhs: number }

class BudgetExceeded extends Error {}

/**
 * The reader's problem: the unknown counts of the printed tables as integer variables, each line
 * as an equation, each variable with the domain the reader knows ("fewer than 5" → 1..4,
 * "withheld" → 0 or 5..cap, never printed → 0..cap, raised to any known lower bound). Questions are
 * answered within the variable's connected component (the equations that can reach it).
 */
class Problem {
  readonly sensitive: string[] = [];
  private readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly truth: number[] = [];
  private readonly isSensitive: boolean[] = [];
  private readonly root: Dom[] = [];
  private readonly constraints: Constraint[] = [];
  private readonly lineOf: Line[] = [];
  private readonly byVar: number[][] = [];
  private component: number[] = [];
  private steps = 0;

  constructor(
    sys: CountSystem, status: Map<string, EntryStatus>, omitted: Set<string>,
    private readonly threshold: number, private readonly budget = 5_000,
  ) {
    const lines = sys.lines.filter((l) => l.always || !omitted.has(l.group));
    let cap = threshold;
    for (const e of sys.entries.values()) cap = Math.max(cap, e.value + threshold);
    const varOf = (k: string): number => {
      let i = this.index.get(k);
      if (i !== undefined) return i;
      i = this.truth.length;
      const e = sys.entries.get(k)!;
      const s = status.get(k)!;
      this.index.set(k, i);
      this.keys.push(k);
      this.truth.push(e.value);
      const lo = Math.max(e.atLeast, s === 'small' ? 1 : 0);
      const dom: Dom = s === 'small' ? { lo, hi: threshold - 1, gap: false } : { lo, hi: cap, gap: s === 'secondary' };
      this.root.push(dom);
      this.byVar.push([]);
      const sens = isSensitive(e, s, threshold);
      this.isSensitive.push(sens);
      if (sens) this.sensitive.push(k);
      return i;
    };
    for (const l of lines) {
      const c: Constraint = { vars: [], coefs: [], rhs: 0 };
      for (const [k, coef] of [[l.total, 1], ...l.parts.map((p) => [p, -1] as const)] as const) {
        if (status.get(k) === 'published') c.rhs -= coef * sys.entries.get(k)!.value;
        else {
          c.vars.push(varOf(k));
          c.coefs.push(coef);
        }
      }
      if (c.vars.length === 0) continue;
      const ci = this.constraints.length;
      this.constraints.push(c);
      this.lineOf.push(l);
      for (const v of c.vars) this.byVar[v]!.push(ci);
    }
    // Sensitive counts outside every printed line are still questions to answer.
    for (const [k, e] of sys.entries) if (isSensitive(e, status.get(k)!, threshold)) varOf(k);
    for (const d of this.root) normalise(d, threshold);
  }

  /** Variables reachable from v through shared equations. */
  private componentOf(v: number): number[] {
    const seen = new Set([v]);
    const queue = [v];
    while (queue.length) {
      const x = queue.pop()!;
      for (const ci of this.byVar[x]!) {
        for (const y of this.constraints[ci]!.vars) {
          if (!seen.has(y)) {
            seen.add(y);
            queue.push(y);
          }
        }
      }
    }
    return [...seen];
  }

  /**
   * Variables the equations alone fix, whatever the bounds: any two solutions differ by a vector
   * of the equations' null space, so a variable whose coordinate is zero in every null-space vector
   * has one value only. (Found by Gaussian elimination per component, in floating point: a rounding
   * slip could only call a count fixed that is not, which withholds more, never less.)
   */
  private readonly pinned = new Map<number, boolean>();
  /** Per component (keyed by each member): integer null-space basis vectors, as sparse [variable, step] lists. */
  private readonly basis = new Map<number, [number, number][][]>();

  /** `key`'s component elimination and its pivot row there; null when it is unknown or not a pivot. */
  private pivotOf(key: string) {
    const v = this.index.get(key);
    if (v === undefined) return null;
    this.pinnedByEqualities(this.componentOf(v));
    const el = this.elimination.get(v)!;
    const row = el.pivotRow.get(v);
    return row === undefined ? null : { el, row };
  }

  /**
   * Of these printed counts, the ones whose withholding would free `key` from the equations that
   * fix it (a prediction from the elimination, within the component; callers verify it).
   * Withholding p adds a column a_p: `key` becomes free when A·δ = −a_p has a solution, and then
   * δ_key ≠ 0 (every existing null-space vector has δ_key = 0).
   */
  unpinners(key: string, candidates: string[]): string[] {
    const pivot = this.pivotOf(key);
    if (pivot === null) return [];
    const { el, row } = pivot;
    return candidates.filter((p) => {
      const y = new Float64Array(el.ops.length);
      let touches = false;
      el.cis.forEach((ci, i) => {
        const line = this.lineOf[ci]!;
        const coef = line.total === p ? 1 : line.parts.includes(p) ? -1 : 0;
        if (coef === 0) return;
        touches = true;
        for (let r = 0; r < el.ops.length; r++) y[r]! -= coef * el.ops[r]![i]!;
      });
      if (!touches) return false;
      for (let r = el.rank; r < y.length; r++) if (Math.abs(y[r]!) > 1e-9) return false;
      return Math.abs(y[row]!) > 1e-9;
    });
  }

  /**
   * The counts that pin `key`: it equals a combination of equations (row `row(key)` of the row
   * operations), and those equations' printed members are what a reader combines to work it out.
   */
  pinningEquations(key: string): Line[] {
    const pivot = this.pivotOf(key);
    if (pivot === null) return [];
    const { el, row } = pivot;
    return el.cis.filter((_, i) => Math.abs(el.ops[row]![i]!) > 1e-9).map((ci) => this.lineOf[ci]!);
  }

  isPinned(key: string): boolean {
    const v = this.index.get(key);
    if (v === undefined) return false;
    this.pinnedByEqualities(this.componentOf(v));
    return this.pinned.get(v)!;
  }

  /** Per component (keyed by each member): its equations and the row operations of the elimination. */
  private readonly elimination = new Map<number, { cis: number[]; ops: Float64Array[]; rank: number; pivotRow: Map<number, number> }>();

  private pinnedByEqualities(component: number[]): void {
    if (this.pinned.has(component[0]!)) return;
    const n = component.length;
    const col = new Map(component.map((x, i) => [x, i]));
    const cis = [...new Set(component.flatMap((x) => this.byVar[x]!))];
    const m = cis.length;
    // [A | I]: the identity records the row operations, so any right-hand side can be reduced later.
    const rows = cis.map((ci, i) => {
      const r = new Float64Array(n + m);
      const c = this.constraints[ci]!;
      c.vars.forEach((x, j) => { r[col.get(x)!] = c.coefs[j]!; });
      r[n + i] = 1;
      return r;
    });
    const pivotRowOf = new Map<number, Float64Array>();
    const pivotIndex = new Map<number, number>();
    let rank = 0;
    for (let j = 0; j < n && rank < rows.length; j++) {
      let best = rank;
      for (let i = rank + 1; i < rows.length; i++) if (Math.abs(rows[i]![j]!) > Math.abs(rows[best]![j]!)) best = i;
      if (Math.abs(rows[best]![j]!) < 1e-9) continue;
      [rows[rank], rows[best]] = [rows[best]!, rows[rank]!];
      const p = rows[rank]!;
      const inv = 1 / p[j]!;
      for (let k = 0; k < p.length; k++) p[k]! *= inv;
      for (let i = 0; i < rows.length; i++) {
        if (i === rank) continue;
        const f = rows[i]![j]!;
        if (Math.abs(f) < 1e-12) continue;
        const r = rows[i]!;
        for (let k = 0; k < r.length; k++) r[k]! -= f * p[k]!;
      }
      pivotRowOf.set(j, p);
      pivotIndex.set(component[j]!, rank);
      rank++;
    }
    const elimination = { cis, ops: rows.map((r) => r.subarray(n)), rank, pivotRow: pivotIndex };
    for (const x of component) this.elimination.set(x, elimination);
    const free = component.map((_, j) => j).filter((j) => !pivotRowOf.has(j));
    component.forEach((x, j) => {
      const row = pivotRowOf.get(j);
      this.pinned.set(x, row !== undefined && free.every((f) => Math.abs(row[f]!) < 1e-9));
    });
    // One basis vector per free variable: it moves by 1, each pivot by −(its row's entry). Kept
    // only when whole (for table-like systems they are: the familiar +1/−1 cycles).
    const vectors: [number, number][][] = [];
    for (const f of free) {
      const vec: [number, number][] = [[component[f]!, 1]];
      let whole = true;
      for (const [j, row] of pivotRowOf) {
        const step = -row[f]!;
        if (Math.abs(step) < 1e-9) continue;
        if (Math.abs(step - Math.round(step)) > 1e-9) whole = false;
        vec.push([component[j]!, Math.round(step)]);
      }
      if (whole) vectors.push(vec);
    }
    for (const x of component) this.basis.set(x, vectors);
  }

  /**
   * Cheap search before the full one: the truth moved by one or two basis vectors (each ±1, or
   * one vector ±k). Any such move that changes `v` and keeps every variable in its domain is a
   * second solution.
   */
  private localMove(v: number): number[] | null {
    const vectors = this.basis.get(v) ?? [];
    const fits = (x: number, value: number): boolean => {
      const d = this.root[x]!;
      return value >= d.lo && value <= d.hi && !(d.gap && value >= 1 && value < this.threshold);
    };
    const tryDelta = (delta: Map<number, number>): number[] | null => {
      if (!delta.get(v)) return null;
      for (const [x, dx] of delta) if (dx !== 0 && !fits(x, this.truth[x]! + dx)) return null;
      const out = this.truth.slice();
      for (const [x, dx] of delta) out[x]! += dx;
      return out;
    };
    const add = (into: Map<number, number>, vec: [number, number][], k: number) => {
      for (const [x, step] of vec) into.set(x, (into.get(x) ?? 0) + k * step);
      return into;
    };
    const touching = vectors.filter((vec) => vec.some(([x]) => x === v));
    for (const a of touching) {
      for (const k of [1, -1, 2, -2, 3, -3, 4, -4, 5, -5]) {
        const hit = tryDelta(add(new Map(), a, k));
        if (hit) return hit;
      }
    }
    if (vectors.length > 60) return null;
    for (const a of touching) {
      for (const b of vectors) {
        if (a === b) continue;
        for (const [ka, kb] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
          const hit = tryDelta(add(add(new Map(), a, ka), b, kb));
          if (hit) return hit;
        }
      }
    }
    return null;
  }

  /**
   * Is there a solution in which `key` differs from its true value? When there is, every sensitive
   * count that also differs in that solution is added to `safe` (it has a second value too).
   */
  hasSecondValue(key: string, safe: Set<string> = new Set()): boolean {
    const v = this.index.get(key)!;
    const t = this.truth[v]!;
    this.component = this.componentOf(v);
    this.pinnedByEqualities(this.component);
    if (this.pinned.get(v)) return false;
    const moved = this.localMove(v);
    if (moved) {
      for (const x of this.component) if (this.isSensitive[x] && moved[x] !== this.truth[x]) safe.add(this.keys[x]!);
      return true;
    }
    // Near the truth first (every unknown within ±2, then ±6 of its true value: tight domains make
    // the search quick), then anywhere. A solution found in a narrower range is still a solution.
    for (const radius of [2, 6, Infinity]) {
      for (const side of ['below', 'above'] as const) {
        const doms = this.root.map((d, x) => (radius === Infinity ? { ...d } : { ...d, lo: Math.max(d.lo, this.truth[x]! - radius), hi: Math.min(d.hi, this.truth[x]! + radius) }));
        if (side === 'below') doms[v]!.hi = Math.min(doms[v]!.hi, t - 1);
        else doms[v]!.lo = Math.max(doms[v]!.lo, t + 1);
        let solution: Dom[] | null = null;
        try {
          this.steps = 0;
          solution = this.solve(doms);
        } catch (e) {
          if (!(e instanceof BudgetExceeded)) throw e;
        }
        if (solution) {
          for (const x of this.component) {
            if (this.isSensitive[x] && solution[x]!.lo !== this.truth[x]) safe.add(this.keys[x]!);
          }
          return true;
        }
      }
    }
    return false;
  }

  /** A solution (all component variables fixed) within the domains, or null. */
  private solve(doms: Dom[]): Dom[] | null {
    if (++this.steps > this.budget) throw new BudgetExceeded();
    for (const x of this.component) if (!normalise(doms[x]!, this.threshold)) return null;
    if (!this.propagate(doms)) return null;
    // Branch on the unfixed variable with the smallest domain.
    let pick = -1;
    let size = Infinity;
    for (const i of this.component) {
      const d = doms[i]!;
      if (d.lo === d.hi) continue;
      const s = d.hi - d.lo;
      if (s < size) {
        size = s;
        pick = i;
      }
    }
    if (pick < 0) return doms;
    const d = doms[pick]!;
    const t = this.truth[pick]!;
    // Truth first: a second solution is usually the true one with a few counts moved, so each
    // variable tries its true value, then the values below it, then above.
    let branches: Dom[];
    if (t >= d.lo && t <= d.hi) {
      branches = [{ ...d, lo: t, hi: t }, { ...d, hi: t - 1 }, { ...d, lo: t + 1 }].filter((b) => b.lo <= b.hi);
    } else if (d.gap && d.lo === 0 && d.hi >= this.threshold) {
      branches = [{ ...d, hi: 0 }, { ...d, lo: this.threshold }];
    } else {
      const mid = Math.floor((d.lo + d.hi) / 2);
      branches = t < d.lo ? [{ ...d, hi: mid }, { ...d, lo: mid + 1 }] : [{ ...d, lo: mid + 1 }, { ...d, hi: mid }];
    }
    for (const h of branches) {
      const next = doms.slice();
      for (const x of this.component) next[x] = { ...doms[x]! };
      next[pick] = h;
      const found = this.solve(next);
      if (found) return found;
    }
    return null;
  }

  /** Bounds propagation over the component's equations until nothing changes; false on an empty domain. */
  private propagate(doms: Dom[]): boolean {
    const queue = [...new Set(this.component.flatMap((x) => this.byVar[x]!))];
    const queued = new Set(queue);
    while (queue.length) {
      const ci = queue.shift()!;
      queued.delete(ci);
      const c = this.constraints[ci]!;
      let min = 0;
      let max = 0;
      for (let j = 0; j < c.vars.length; j++) {
        const d = doms[c.vars[j]!]!;
        if (c.coefs[j]! > 0) {
          min += d.lo;
          max += d.hi;
        } else {
          min -= d.hi;
          max -= d.lo;
        }
      }
      if (min > c.rhs || max < c.rhs) return false;
      for (let j = 0; j < c.vars.length; j++) {
        const vi = c.vars[j]!;
        const d = doms[vi]!;
        const coef = c.coefs[j]!;
        // The others' range without this term.
        const restMin = min - (coef > 0 ? d.lo : -d.hi);
        const restMax = max - (coef > 0 ? d.hi : -d.lo);
        const lo = coef > 0 ? c.rhs - restMax : restMin - c.rhs;
        const hi = coef > 0 ? c.rhs - restMin : restMax - c.rhs;
        if (lo <= d.lo && hi >= d.hi) continue;
        const before = [d.lo, d.hi];
        d.lo = Math.max(d.lo, lo);
        d.hi = Math.min(d.hi, hi);
        if (!normalise(d, this.threshold)) return false;
        if (d.lo !== before[0] || d.hi !== before[1]) {
          for (const other of this.byVar[vi]!) {
            if (!queued.has(other)) {
              queued.add(other);
              queue.push(other);
            }
          }
          // This constraint's sums changed: recompute them on its next visit.
          if (!queued.has(ci)) {
            queued.add(ci);
            queue.push(ci);
          }
          break;
        }
      }
    }
    return true;
  }
}

/** Applies the "withheld is never 1..threshold−1" gap; false when the domain is empty. */
function normalise(d: Dom, threshold: number): boolean {
  if (d.gap) {
    if (d.lo >= 1 && d.lo < threshold) d.lo = threshold;
    if (d.hi >= 1 && d.hi < threshold) d.hi = 0;
  }
  return d.lo <= d.hi;
}

// ---- reading the outcome -------------------------------------------------------------------------

export const FEWER_THAN = `fewer than ${SUPPRESS_BELOW}`;
export const WITHHELD = 'withheld';

/** A count as the report prints it. `value` is null whenever it is not printed. */
export interface ShownCount { value: number | null; text: string; suppressed: 'small' | 'secondary' | null }
/** A percentage, null (and printed as "–" or "withheld") when its counts are not both printed. */
export interface ShownPercent { value: number | null; text: string }

export class Suppressed {
  constructor(private readonly sys: CountSystem, readonly outcome: SuppressionOutcome) {}

  count(key: string): ShownCount {
    const s = this.outcome.status.get(key);
    if (s === undefined || s === 'hidden') throw new Error(`count ${key} is not printable`);
    if (s === 'small') return { value: null, text: FEWER_THAN, suppressed: 'small' };
    if (s === 'secondary') return { value: null, text: WITHHELD, suppressed: 'secondary' };
    const v = this.sys.value(key);
    return { value: v, text: v.toLocaleString('en-GB'), suppressed: null };
  }

  /** Printed when both counts are printed (a percentage would otherwise give the hidden one away). */
  percent(numerator: string, denominator: string, digits = 1): ShownPercent {
    const n = this.count(numerator);
    const d = this.count(denominator);
    if (n.value === null || d.value === null) return { value: null, text: WITHHELD };
    if (d.value === 0) return { value: null, text: '–' };
    const value = Math.round((n.value / d.value) * 100 * 10 ** digits) / 10 ** digits;
    return { value, text: `${value.toFixed(digits)}%` };
  }

  /** True when the count is printed (so figures about that group may be printed too). */
  printed(key: string): boolean {
    return this.outcome.status.get(key) === 'published';
  }

  omitted(group: string): boolean {
    return this.outcome.omittedGroups.has(group);
  }
}

export function suppressSystem(sys: CountSystem, opts: SuppressionOptions = {}): Suppressed {
  return new Suppressed(sys, suppress(sys, opts));
}
