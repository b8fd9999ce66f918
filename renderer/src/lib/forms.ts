// Form helpers shared by every screen: zod pieces for text inputs (dates typed as dd/mm/yyyy,
// numbers typed as text) and mapping the API's Invalid issues onto react-hook-form fields.

import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from '../api/errors.ts';
import { DATE_MESSAGE, parseUkDate } from './dates.ts';

/** A required date typed as dd/mm/yyyy; parses to ISO yyyy-mm-dd. */
export const ukDate = (label = 'the date') =>
  z.string().trim().transform((s, ctx) => {
    if (!s) {
      ctx.addIssue({ code: 'custom', message: `Enter ${label} as dd/mm/yyyy.` });
      return z.NEVER;
    }
    const iso = parseUkDate(s);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: DATE_MESSAGE });
      return z.NEVER;
    }
    return iso;
  });

/** An optional date typed as dd/mm/yyyy; empty becomes null. */
export const optionalUkDate = () =>
  z.string().trim().transform((s, ctx) => {
    if (!s) return null;
    const iso = parseUkDate(s);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: DATE_MESSAGE });
      return z.NEVER;
    }
    return iso;
  });

/** A whole number typed into a text box, with a friendly range message. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z.string().trim().transform((s, ctx) => {
    const n = Number(s);
    if (!s || !Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a whole number from ${min} to ${max}.` });
      return z.NEVER;
    }
    return n;
  });

/** A number (decimals allowed) typed into a text box. */
export const decimalNumber = (label: string, min: number, max: number) =>
  z.string().trim().transform((s, ctx) => {
    const n = Number(s);
    if (!s || !Number.isFinite(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a number from ${min} to ${max}.` });
      return z.NEVER;
    }
    return n;
  });

/** Pounds typed as text (e.g. "2,630" or "£2630.50") → whole pence. */
export const poundsToPence = (label: string, maxPounds: number) =>
  z.string().trim().transform((s, ctx) => {
    const clean = s.replace(/[£,\s]/g, '');
    const n = Number(clean);
    if (!clean || !/^\d+(\.\d{1,2})?$/.test(clean) || n > maxPounds) {
      ctx.addIssue({ code: 'custom', message: `${label} must be an amount in pounds from £0 to £${maxPounds.toLocaleString('en-GB')}, like 2630 or 2630.50.` });
      return z.NEVER;
    }
    return Math.round(n * 100);
  });

/** Optional free text: empty becomes null, so the register stores "not given" rather than "". */
export const optionalText = (max: number) =>
  z.string().trim().max(max, `Must be at most ${max} characters.`).transform((s) => (s ? s : null));

export const penceToPounds = (pence: number): string => (pence / 100).toFixed(pence % 100 === 0 ? 0 : 2);

/**
 * Puts the API's field issues on the form's fields. Returns the messages that matched no field,
 * to show in the form's own alert.
 */
export function applyApiIssues<T extends FieldValues>(
  error: unknown, setError: UseFormSetError<T>, fields: readonly string[], aliases: Record<string, string> = {},
): string[] {
  if (!(error instanceof ApiError) || error.issues.length === 0) return [];
  const leftover: string[] = [];
  let focused = false;
  for (const issue of error.issues) {
    const raw = issue.path.join('.');
    const name = aliases[raw] ?? raw;
    if (name && fields.some((f) => f === name || name.startsWith(`${f}.`) || matchesArrayField(f, name))) {
      setError(name as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: !focused });
      focused = true;
    } else {
      leftover.push(issue.message);
    }
  }
  return leftover;
}

/** "terms.*.startDate" matches "terms.1.startDate". */
function matchesArrayField(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return false;
  const re = new RegExp(`^${pattern.split('.').map((p) => (p === '*' ? '\\d+' : p.replace(/[^\w]/g, '\\$&'))).join('\\.')}$`);
  return re.test(name);
}

/**
 * For a failed submit: puts field issues on their fields and returns what the form's own alert
 * should say (issues that matched no field, or the error's plain-English message).
 */
export function submitErrors<T extends FieldValues>(
  error: unknown, setError: UseFormSetError<T>, fields: readonly string[], aliases: Record<string, string> = {},
): string[] {
  const leftover = applyApiIssues(error, setError, fields, aliases);
  if (leftover.length) return leftover;
  if (error instanceof ApiError && error.issues.length) return [];
  return [error instanceof ApiError ? error.message : 'Something went wrong and nothing was saved. Please try again.'];
}
