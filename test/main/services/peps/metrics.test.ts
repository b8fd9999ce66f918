// pepReportMetrics: the PEP figures for the governors' report, for one academic year, looked-after
// children only: initial PEPs within timescale, termly reviews done, completeness and VS ratings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePepStatus, createPep, getPep, pepReportMetrics, updatePep } from '../../../../main/services/peps/index.ts';
import { cleanupTempDirs } from '../../../helpers/db.ts';
import { type PepFixture, pepFixture, TODAY } from './fixture.ts';

let f: PepFixture;
let zqAutumn: number;
let zqSpring: number;
let freshSpring: number;

beforeAll(async () => {
  f = await pepFixture('pep-metrics');
  const move = (id: number, to: 'ready' | 'submitted' | 'approved', on: string | null = null, qualityRating: string | null = null) =>
    changePepStatus(f.register, { id, to, on, reason: null, qualityRating, feedback: null }, TODAY);
  zqAutumn = createPep(f.register, { childId: f.children.zq, academicYear: '2025-26', term: 'Autumn', kind: null }, TODAY);
  updatePep(f.register, zqAutumn, { meetingDate: '2025-11-20', carerViews: 'Settled.' }, TODAY);
  move(zqAutumn, 'ready');
  move(zqAutumn, 'submitted', '2025-11-25');
  move(zqAutumn, 'approved', '2025-12-10', 'Good');
  zqSpring = createPep(f.register, { childId: f.children.zq, academicYear: '2025-26', term: 'Spring', kind: null }, TODAY);
  updatePep(f.register, zqSpring, { meetingDate: '2026-03-05' }, TODAY);
  move(zqSpring, 'ready');
  move(zqSpring, 'submitted', '2026-03-10');
  // The child who came into care in February: a new-school PEP held within 20 school days, not yet submitted.
  freshSpring = createPep(f.register, { childId: f.children.fresh, academicYear: '2025-26', term: 'Spring', kind: 'initial' }, TODAY);
  updatePep(f.register, freshSpring, { meetingDate: '2026-03-05' }, TODAY);
  move(freshSpring, 'ready');
  // A PEP for the previously looked-after child never counts.
  createPep(f.register, { childId: f.children.plac, academicYear: '2025-26', term: 'Spring', kind: null }, TODAY);
});

afterAll(() => {
  f.register.close();
  cleanupTempDirs();
});

describe('pepReportMetrics', () => {
  it('counts the year for looked-after children only', () => {
    const m = pepReportMetrics(f.register, '2025-26', '2026-07-31');
    const sentPercents = [zqAutumn, zqSpring].map((id) => getPep(f.register, id, TODAY).completeness.percent);
    expect(m).toEqual({
      lookedAfterChildren: 2,
      initialPepsDue: 1,
      initialPepsWithinTimescale: 1,
      // zq: autumn, spring, summer; fresh: spring (joined before the 13/03 cut-off) and summer.
      termlyReviewsDue: 5,
      termlyReviewsDone: 2,
      completenessAverage: Math.round(((sentPercents[0]! + sentPercents[1]!) / 2) * 10) / 10,
      qualityRatings: { Green: 1, Amber: 0, Red: 0, 'Not rated': 1 },
    });
    expect(m.completenessAverage).toBeGreaterThan(0);
  });

  it('only counts what has fallen due by the date', () => {
    const m = pepReportMetrics(f.register, '2025-26', '2026-01-10');
    expect(m).toMatchObject({ initialPepsDue: 0, initialPepsWithinTimescale: 0, termlyReviewsDue: 1, termlyReviewsDone: 1 });
  });

  it('an initial PEP held after the deadline is not within timescale', () => {
    // 20 school days after joining on 23/02 (with the 02/03 closure) is 24/03.
    updatePep(f.register, freshSpring, { meetingDate: '2026-03-25' }, TODAY);
    try {
      expect(pepReportMetrics(f.register, '2025-26', '2026-07-31')).toMatchObject({ initialPepsDue: 1, initialPepsWithinTimescale: 0 });
    } finally {
      updatePep(f.register, freshSpring, { meetingDate: '2026-03-05' }, TODAY);
    }
  });

  it('a year with no PEPs (and no calendar) has reviews due, none done, and no completeness figure', () => {
    expect(pepReportMetrics(f.register, '2024-25', '2026-07-31')).toEqual({
      lookedAfterChildren: 1, initialPepsDue: 1, initialPepsWithinTimescale: 0, termlyReviewsDue: 3, termlyReviewsDone: 0,
      completenessAverage: null, qualityRatings: { Green: 0, Amber: 0, Red: 0, 'Not rated': 0 },
    });
  });

  it('defaults the date to today', () => {
    expect(pepReportMetrics(f.register, '2025-26').lookedAfterChildren).toBe(2);
  });
});
