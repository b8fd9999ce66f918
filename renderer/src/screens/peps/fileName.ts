// A preview of a PEP file name pattern with example values, for the format editor. It follows the
// register's own rules (main/services/peps/format.ts: placeholders filled, unsafe characters
// replaced with "-", always ending .pdf); the register checks the pattern again when it is saved,
// and the real name is the one the export reports.

import { PEP_FILENAME_PLACEHOLDERS } from '../../api/contract.ts';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f]/;

export type PlaceholderName = keyof typeof PEP_FILENAME_PLACEHOLDERS;

/** What is wrong with a pattern, in plain English, or null. */
export function patternProblem(pattern: string): string | null {
  const unknown = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((p) => !(p in PEP_FILENAME_PLACEHOLDERS));
  if (unknown.length) return `{${unknown[0]}} is not a placeholder. Use one of those listed below.`;
  if (UNSAFE.test(pattern.replace(PLACEHOLDER, ''))) return 'A file name cannot contain / \\ : * ? " < > |.';
  if (pattern.trim() && !pattern.replace(PLACEHOLDER, 'x').replace(/\.pdf$/i, '').trim()) return 'Enter a file name pattern, e.g. PEP_{LA}_{initials}_{term}.pdf.';
  return null;
}

/** "Northshire County Council" → "Northshire" (as the register shortens an LA's name). */
export function laShortName(name: string): string {
  const generic = new Set(['county', 'council', 'borough', 'city', 'metropolitan', 'district', 'unitary', 'authority', 'of', 'the', 'and', 'royal', 'london']);
  const parts = name.replace(/\(.*?\)/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const kept = parts.filter((p) => !generic.has(p.toLowerCase()));
  return (kept.length ? kept : parts).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('') || 'LA';
}

/** Example values for a child of this LA in the current term. */
export function exampleValues(la: { name: string; laCode: string | null }, today = new Date()): Record<PlaceholderName, string> {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const start = m >= 9 ? y : y - 1;
  const year = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  const termName = m >= 9 ? 'Autumn' : m <= 3 ? 'Spring' : 'Summer';
  const short = laShortName(la.name);
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return {
    LA: short, LACode: la.laCode ?? short, initials: 'ZQ', term: `${year}-${termName}`, year, termName, yearGroup: 'Y9', childId: '12', date: iso,
  };
}

export function previewFileName(pattern: string, values: Record<PlaceholderName, string>, fallback: string): string {
  const use = pattern.trim() && !patternProblem(pattern) ? pattern.trim() : fallback;
  // eslint-disable-next-line no-control-regex
  let name = use.replace(PLACEHOLDER, (_, p: string) => (values as Record<string, string>)[p] ?? '').replace(/[/\\:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim();
  if (!/\.pdf$/i.test(name)) name = `${name}.pdf`;
  return name.length > 200 ? `${name.slice(0, 196)}.pdf` : name;
}
