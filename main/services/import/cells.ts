// Reading one cell as a value. Messages name the field and the problem but never repeat the
// cell's content, so a preview or a CLI report carries no personal data.

import { SEN_PRIMARY_NEED_CODES } from '../../api/contract.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** A row's reader of parsed cells: the value, or `fallback` with the reason added to `reasons`. */
export function takeInto(reasons: string[]): <T>(p: Parsed<T>, fallback: T) => T {
  return (p, fallback) => {
    if (p.ok) return p.value;
    reasons.push(p.reason);
    return fallback;
  };
}

/**
 * Trims the cell. A leading apostrophe before = + - or @ is the spreadsheet convention for "this
 * is text, not a formula" (and what our own CSV exports write), so it is removed. Formula-like
 * text is otherwise kept exactly as written: it is only ever stored and shown, never evaluated.
 */
export function cleanCell(raw: string | undefined): string {
  const v = (raw ?? '').trim();
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

function realDate(y: number, m: number, d: number): string | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(iso) ? iso : null;
}

/** dd/mm/yyyy (also d/m/yyyy, with - or . between, with a midnight time) or ISO yyyy-mm-dd. */
export function parseDate(cell: string, label: string): Parsed<string | null> {
  if (cell === '') return ok(null);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(cell);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(cell);
  if (uk || iso) {
    const [y, m, d] = uk ? [Number(uk[3]), Number(uk[2]), Number(uk[1])] : [Number(iso![1]), Number(iso![2]), Number(iso![3])];
    const date = realDate(y, m, d);
    return date ? ok(date) : bad(`${label} is not a real date (check the day and month).`);
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(cell)) return bad(`${label} has a two-digit year: use dd/mm/yyyy.`);
  return bad(`${label} is not a date: use dd/mm/yyyy.`);
}

/** A whole number of sessions ("190" or "190.0"). */
export function parseCount(cell: string, label: string): Parsed<number | null> {
  if (cell === '') return ok(null);
  const m = /^(\d{1,6})(?:\.0+)?$/.exec(cell.replace(/,/g, ''));
  if (!m) return bad(`${label} must be a whole number of sessions.`);
  return ok(Number(m[1]));
}

/** "92.5", "92.5%" or "0.925" is not accepted: a percentage is written as 0–100. */
export function parsePercent(cell: string, label: string): Parsed<number | null> {
  if (cell === '') return ok(null);
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(cell);
  if (!m || Number(m[1]) > 100) return bad(`${label} must be a percentage from 0 to 100.`);
  return ok(Number(m[1]));
}

const GENDER: Record<string, 'F' | 'M' | 'X'> = {
  m: 'M', male: 'M', boy: 'M',
  f: 'F', female: 'F', girl: 'F',
  x: 'X', u: 'X', unknown: 'X', notknown: 'X', other: 'X', indeterminate: 'X', nonbinary: 'X', notstated: 'X',
};

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function parseGender(cell: string): Parsed<'F' | 'M' | 'X' | null> {
  if (cell === '') return ok(null);
  const g = GENDER[squash(cell)];
  return g ? ok(g) : bad('Gender must be M, F or X (or Male, Female, Unknown).');
}

/** "7", "Year 7", "Y7", "NC Year 7", "R"/"Reception" (0), "N2"/"Nursery" (-1), "N1" (-2). */
export function parseYearGroup(cell: string): Parsed<number | null> {
  if (cell === '') return ok(null);
  const s = squash(cell).replace(/^(ncyear|nationalcurriculumyear|year|yr|y)/, '');
  if (s === 'r' || s === 'reception' || s === 'rec') return ok(0);
  if (s === 'n' || s === 'n2' || s === 'nursery') return ok(-1);
  if (s === 'n1') return ok(-2);
  if (/^\d{1,2}$/.test(s) && Number(s) <= 14) return ok(Number(s));
  return bad('Year group is not a year the MIS uses (e.g. 7, Year 7 or R).');
}

const SEN: Record<string, 'N' | 'K' | 'E'> = {
  n: 'N', no: 'N', none: 'N', nosen: 'N', nospecialeducationalneed: 'N', nospecialeducationalneeds: 'N', nosend: 'N',
  k: 'K', sensupport: 'K', support: 'K', sendsupport: 'K',
  // S (statement) was replaced by EHC plans in 2014; old exports may still say so.
  e: 'E', ehcp: 'E', ehcplan: 'E', educationhealthandcareplan: 'E', s: 'E', statement: 'E', statementofsen: 'E',
};

export function parseSenProvision(cell: string): Parsed<'N' | 'K' | 'E'> {
  if (cell === '') return ok('N');
  const v = SEN[squash(cell)];
  return v ? ok(v) : bad('SEN provision must be N, K (SEN support) or E (EHC plan).');
}

const NEEDS = new Map<string, string>();
for (const [code, meaning] of Object.entries(SEN_PRIMARY_NEED_CODES)) {
  NEEDS.set(squash(code), code);
  NEEDS.set(squash(meaning), code);
}

export function parsePrimaryNeed(cell: string): Parsed<string | null> {
  if (cell === '') return ok(null);
  const v = NEEDS.get(squash(cell));
  return v ? ok(v) : bad('SEN primary need is not one of the school census codes (e.g. SEMH, ASD, SPLD).');
}

/** Free text with a length limit; required text must not be blank. */
export function parseText(cell: string, label: string, max: number, required: boolean): Parsed<string | null> {
  if (cell === '') return required ? bad(`${label} is missing.`) : ok(null);
  if (cell.length > max) return bad(`${label} is longer than ${max} characters.`);
  return ok(cell);
}
