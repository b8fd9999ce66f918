// A preview of a PEP file name pattern with example values, for the format editor. The rules are
// the register's own (main/api/contract/pepFileName.ts), so the preview matches the export.

import { checkFileNamePattern, laShortName, pepFileName, type PepFileNamePlaceholder } from '../../api/contract.ts';

export type PlaceholderName = PepFileNamePlaceholder;

/** What is wrong with a pattern, worded for the form, or null. A blank pattern means the default. */
export function patternProblem(pattern: string): string | null {
  const problem = pattern.trim() ? checkFileNamePattern(pattern) : null;
  if (!problem) return null;
  if (problem.kind === 'unknown-placeholder') return `{${problem.placeholder}} is not a placeholder. Use one of those listed below.`;
  return problem.kind === 'unsafe' ? 'A file name cannot contain / \\ : * ? " < > |.' : 'Enter a file name pattern, e.g. PEP_{LA}_{initials}_{term}.pdf.';
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
  return pepFileName(pattern.trim() && !patternProblem(pattern) ? pattern.trim() : fallback, values);
}
