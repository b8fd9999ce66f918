// A PEP's file name from the Virtual School's pattern (issue 7): the rules shared by the export in
// main/services/peps and the live preview in the format editor, so both always agree. Each side
// words a pattern problem for its own context.

import { DEFAULT_PEP_FILENAME_PATTERN, PEP_FILENAME_PLACEHOLDERS } from './peps.ts';

export type PepFileNamePlaceholder = keyof typeof PEP_FILENAME_PLACEHOLDERS;
export type FileNameValues = Record<PepFileNamePlaceholder, string>;
export type FileNamePatternProblem =
  | { kind: 'unknown-placeholder'; placeholder: string }
  | { kind: 'unsafe' }
  | { kind: 'empty' };

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
// eslint-disable-next-line no-control-regex -- control characters have no place in a file name
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f]+/g;

export function checkFileNamePattern(pattern: string): FileNamePatternProblem | null {
  const unknown = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]!).find((p) => !(p in PEP_FILENAME_PLACEHOLDERS));
  if (unknown) return { kind: 'unknown-placeholder', placeholder: unknown };
  if (new RegExp(UNSAFE.source).test(pattern.replace(PLACEHOLDER, ''))) return { kind: 'unsafe' };
  if (!pattern.replace(PLACEHOLDER, 'x').replace(/\.pdf$/i, '').trim()) return { kind: 'empty' };
  return null;
}

/** "Northshire County Council" → "Northshire"; "Fenwick Bay Unitary Authority" → "FenwickBay". */
export function laShortName(name: string): string {
  const generic = new Set(['county', 'council', 'borough', 'city', 'metropolitan', 'district', 'unitary', 'authority', 'of', 'the', 'and', 'royal', 'london']);
  const parts = name.replace(/\(.*?\)/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const kept = parts.filter((p) => !generic.has(p.toLowerCase()));
  return (kept.length ? kept : parts).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('') || 'LA';
}

/** Fills the pattern (the default if it has a problem); anything unsafe becomes "-"; always ends .pdf. */
export function pepFileName(pattern: string, values: FileNameValues): string {
  const filled = (checkFileNamePattern(pattern) ? DEFAULT_PEP_FILENAME_PATTERN : pattern)
    .replace(PLACEHOLDER, (_, p: string) => (values as Record<string, string>)[p] ?? '');
  let name = filled.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim();
  if (!/\.pdf$/i.test(name)) name = `${name}.pdf`;
  if (name.length > 200) name = `${name.slice(0, 196)}.pdf`;
  return name;
}
