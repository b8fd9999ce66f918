import { describe, expect, it } from 'vitest';
import { academicYearStart, yearGroup, yearGroupLabel } from '../../main/api/contract/yearGroup.ts';

describe('year group from date of birth (England)', () => {
  it('uses the September–August school year', () => {
    expect(academicYearStart('2025-08-31')).toBe(2024);
    expect(academicYearStart('2025-09-01')).toBe(2025);
    expect(academicYearStart('2026-01-15')).toBe(2025);
  });

  it('puts children born 1 Sep 2013 – 31 Aug 2014 in Year 7 in 2025-26 (secondary transfer 2025)', () => {
    for (const on of ['2025-09-01', '2026-03-01', '2026-08-31']) {
      expect(yearGroup('2013-09-01', on)).toBe(7);
      expect(yearGroup('2014-01-01', on)).toBe(7);
      expect(yearGroup('2014-08-31', on)).toBe(7);
      // A year older: Year 8.
      expect(yearGroup('2012-09-01', on)).toBe(8);
      expect(yearGroup('2013-08-31', on)).toBe(8);
      // A day younger than the youngest Year 7: Year 6.
      expect(yearGroup('2014-09-01', on)).toBe(6);
    }
  });

  it('moves everyone up on 1 September', () => {
    expect(yearGroup('2013-10-10', '2026-08-31')).toBe(7);
    expect(yearGroup('2013-10-10', '2026-09-01')).toBe(8);
  });

  it('starts Reception the September after a child is 4 on 31 August', () => {
    expect(yearGroup('2021-08-31', '2025-09-01')).toBe(0);
    expect(yearGroup('2021-09-01', '2025-09-01')).toBe(-1);
    expect(yearGroupLabel(0)).toBe('Reception');
    expect(yearGroupLabel(-1)).toBe('Nursery');
    expect(yearGroupLabel(11)).toBe('Year 11');
  });

  it('applies the offset for a child taught out of their year group', () => {
    expect(yearGroup('2013-09-01', '2025-09-01', -1)).toBe(6);
  });
});
