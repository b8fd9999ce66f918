// The PEP term rules shared by the register and the renderer (main/api/contract/pepTerms.ts): the
// PEP list's "current term" and the register's PEP schedule must agree on which term a date is in.
import { describe, expect, it } from 'vitest';
import {
  compareTerms, fallbackPeriod, nextTerm, parseTermKey, previousTerm, termForDate, termKey, type PepTermRef,
} from '../../../main/api/contract.ts';

// 2025-26 as a school might set it: Autumn ends 19/12, Spring 27/03, Summer 22/07.
const ENDS: Record<string, string> = { '2025-26-Autumn': '2025-12-19', '2025-26-Spring': '2026-03-27', '2025-26-Summer': '2026-07-22' };
const endOf = (t: PepTermRef) => ENDS[termKey(t)] ?? fallbackPeriod(t).end;

describe('termForDate', () => {
  it.each([
    ['2025-09-01', '2025-26-Autumn'],
    ['2025-12-19', '2025-26-Autumn'],
    // The Christmas holiday belongs to the term after it.
    ['2025-12-22', '2025-26-Spring'],
    ['2026-03-27', '2025-26-Spring'],
    ['2026-04-06', '2025-26-Summer'],
    // After the summer term ends, the summer holiday belongs to next year's Autumn.
    ['2026-07-23', '2026-27-Autumn'],
    ['2026-08-31', '2026-27-Autumn'],
    // No calendar for 2026-27: the fallback periods (Autumn to 31/12).
    ['2026-11-23', '2026-27-Autumn'],
    ['2027-01-04', '2026-27-Spring'],
  ])('%s is in %s', (date, key) => {
    expect(termKey(termForDate(date, endOf))).toBe(key);
  });
});

describe('term keys and order', () => {
  it('reads a key in any case and refuses years that do not follow on', () => {
    expect(parseTermKey('2025-26-spring')).toEqual({ academicYear: '2025-26', term: 'Spring' });
    expect(parseTermKey('2025-27-Spring')).toBeNull();
    expect(parseTermKey('Spring 2025')).toBeNull();
  });

  it('steps and orders terms across the year boundary', () => {
    const summer: PepTermRef = { academicYear: '2025-26', term: 'Summer' };
    expect(nextTerm(summer)).toEqual({ academicYear: '2026-27', term: 'Autumn' });
    expect(previousTerm(nextTerm(summer))).toEqual(summer);
    expect(compareTerms(summer, nextTerm(summer))).toBeLessThan(0);
    expect(compareTerms({ academicYear: '2025-26', term: 'Autumn' }, { academicYear: '2025-26', term: 'Spring' })).toBeLessThan(0);
  });
});
