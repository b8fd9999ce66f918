// The risk register: 5×5 score bands, create / update / delete, reviews appending to the history
// and moving the next review on, the six templates, the heat map, and the list's review states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import {
  createRiskFromTemplateInput, createRiskInput, RISK_BANDS, riskBand, reviewRiskInput, updateRiskInput,
} from '../../../../main/api/contract.ts';
import {
  createRisk, createRiskFromTemplate, deleteRisk, getRisk, getRiskHeatMap, listRisks, listRiskTemplates, reviewRisk, updateRisk,
} from '../../../../main/services/risks/index.ts';
import { cleanupTempDirs, createRegister, expectRegisterError, tempDir } from '../../../helpers/db.ts';

const TODAY = '2026-03-16';
let r: Register;

beforeAll(async () => {
  r = (await createRegister(tempDir('risks'))).register;
});
afterAll(() => {
  r.close();
  cleanupTempDirs();
});

const create = (v: Partial<Parameters<typeof createRiskInput.parse>[0]> = {}, today = TODAY) => createRisk(r, createRiskInput.parse({
  category: 'other', title: 'A fictional risk', likelihood: 3, impact: 3, ...v,
}), today);

describe('score bands of the 5×5 matrix', () => {
  it.each([
    [1, 1, 1, 'low'], [2, 2, 4, 'low'], [4, 1, 4, 'low'],
    [5, 1, 5, 'medium'], [1, 5, 5, 'medium'], [3, 2, 6, 'medium'], [4, 2, 8, 'medium'], [3, 3, 9, 'medium'],
    [5, 2, 10, 'high'], [4, 3, 12, 'high'], [5, 3, 15, 'high'], [4, 4, 16, 'high'],
    [5, 4, 20, 'very_high'], [4, 5, 20, 'very_high'], [5, 5, 25, 'very_high'],
  ] as const)('%i × %i = %i is %s', (l, i, score, band) => {
    expect(l * i).toBe(score);
    expect(riskBand(score)).toBe(band);
  });

  it('covers every cell exactly once', () => {
    for (let l = 1; l <= 5; l++) {
      for (let i = 1; i <= 5; i++) expect(RISK_BANDS.filter((b) => l * i >= b.min && l * i <= b.max)).toHaveLength(1);
    }
  });
});

describe('create, update, delete', () => {
  it('scores, bands and schedules the first review; the history starts with the initial assessment', () => {
    const k = create({ likelihood: 4, impact: 4, owner: 'Designated Teacher', reviewEveryDays: 30 });
    expect(k).toMatchObject({
      score: 16, band: 'high', status: 'open', nextReviewDate: '2026-04-15', reviewState: 'ok', daysOverdue: 0, reviews: 1,
      lastReviewedOn: TODAY, previousScore: null, categoryLabel: 'Other',
    });
    expect(k.history).toEqual([expect.objectContaining({ reviewedOn: TODAY, score: 16, band: 'high', note: expect.stringMatching(/Initial assessment/) })]);
    deleteRisk(r, k.id);
    return expectRegisterError(() => getRisk(r, k.id, TODAY), 'NotFound');
  });

  it('validates: scores 1 to 5, a title, review frequency, no next review in the past', async () => {
    expect(createRiskInput.safeParse({ category: 'data', title: 'x', likelihood: 6, impact: 1 }).error?.issues[0]?.path).toEqual(['likelihood']);
    expect(createRiskInput.safeParse({ category: 'data', title: ' ', likelihood: 1, impact: 1 }).error?.issues[0]?.path).toEqual(['title']);
    expect(createRiskInput.safeParse({ category: 'data', title: 'x', likelihood: 1, impact: 1, reviewEveryDays: 0 }).error?.issues[0]?.path).toEqual(['reviewEveryDays']);
    const e = await expectRegisterError(() => create({ nextReviewDate: '2026-03-15' }), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['nextReviewDate']);
  });

  it('edits correct the risk without adding to its history', () => {
    const k = create();
    const u = updateRisk(r, updateRiskInput.parse({ id: k.id, category: 'data', title: 'Renamed', likelihood: 1, impact: 2, reviewEveryDays: 60, status: 'monitoring' }), TODAY);
    expect(u).toMatchObject({ category: 'data', title: 'Renamed', score: 2, band: 'low', status: 'monitoring', nextReviewDate: k.nextReviewDate, reviews: 1 });
    deleteRisk(r, k.id);
  });
});

describe('reviewing a risk', () => {
  it('appends to the history, re-scores, and moves the next review on by the frequency', () => {
    const k = create({ likelihood: 4, impact: 5, reviewEveryDays: 90 }, '2026-01-05');
    expect(k.band).toBe('very_high');
    const a = reviewRisk(r, reviewRiskInput.parse({ id: k.id, reviewedOn: '2026-03-02', likelihood: 3, impact: 5, note: 'Deputy trained' }), TODAY);
    expect(a).toMatchObject({ likelihood: 3, impact: 5, score: 15, band: 'high', previousScore: 20, lastReviewedOn: '2026-03-02', nextReviewDate: '2026-05-31', reviews: 2 });
    const b = reviewRisk(r, reviewRiskInput.parse({ id: k.id, likelihood: 2, impact: 5, note: 'Procedures written', mitigations: 'New mitigations', status: 'monitoring', nextReviewDate: '2026-04-01' }), TODAY);
    expect(b).toMatchObject({ score: 10, previousScore: 15, lastReviewedOn: TODAY, nextReviewDate: '2026-04-01', mitigations: 'New mitigations', status: 'monitoring' });
    expect(b.history.map((h) => [h.reviewedOn, h.score, h.note])).toEqual([
      [TODAY, 10, 'Procedures written'], ['2026-03-02', 15, 'Deputy trained'], ['2026-01-05', 20, expect.stringMatching(/Initial/)],
    ]);
    expect(b.history[0]!.reviewedBy).toBe('Ottoline Brackenbury');
  });

  it('refuses a future date, a date before the first assessment, a next review not after it, and an empty note', async () => {
    const k = create({}, '2026-02-02');
    const bad = async (v: object, field: string) => {
      const e = await expectRegisterError(() => reviewRisk(r, reviewRiskInput.parse({ id: k.id, likelihood: 2, impact: 2, note: 'x', ...v }), TODAY), 'Invalid');
      expect(e.issues.map((i) => i.path[0])).toContain(field);
    };
    await bad({ reviewedOn: '2026-03-17' }, 'reviewedOn');
    await bad({ reviewedOn: '2026-02-01' }, 'reviewedOn');
    await bad({ nextReviewDate: TODAY }, 'nextReviewDate');
    expect(reviewRiskInput.safeParse({ id: k.id, likelihood: 2, impact: 2, note: '' }).error?.issues[0]?.path).toEqual(['note']);
    expect(getRisk(r, k.id, TODAY).reviews).toBe(1);
  });
});

describe('templates', () => {
  it('offers the six a DT starts with, with descriptions, mitigations and scores', () => {
    const t = listRiskTemplates(r);
    expect(t.map((x) => x.key)).toEqual(['statutory_compliance', 'information_sharing', 'succession', 'spending', 'policy_validation', 'data']);
    for (const x of t) {
      expect(x.description.length).toBeGreaterThan(80);
      expect(x.mitigations.length).toBeGreaterThan(80);
      expect(x.score).toBe(x.likelihood * x.impact);
      expect(x.inUse).toBe(false);
    }
  });

  it('creates a risk from a template, with an owner', () => {
    const k = createRiskFromTemplate(r, createRiskFromTemplateInput.parse({ templateKey: 'succession', owner: 'Headteacher' }), TODAY);
    expect(k).toMatchObject({ category: 'succession', categoryLabel: 'Succession (DT absence)', owner: 'Headteacher', score: 8, band: 'medium', reviewEveryDays: 180, nextReviewDate: '2026-09-12' });
    expect(listRiskTemplates(r).find((x) => x.key === 'succession')!.inUse).toBe(true);
    expect(createRiskFromTemplateInput.safeParse({ templateKey: 'other' }).success).toBe(false);
  });
});

describe('the list and the heat map', () => {
  beforeAll(() => {
    for (const k of listRisks(r, { status: 'all' }, TODAY).rows) deleteRisk(r, k.id);
  });

  it('counts open and monitoring risks by cell, impact 5 at the top', () => {
    const a = create({ likelihood: 2, impact: 5 });
    create({ likelihood: 2, impact: 5, status: 'monitoring' });
    create({ likelihood: 5, impact: 1 });
    create({ likelihood: 4, impact: 4, status: 'closed' });
    const h = getRiskHeatMap(r);
    expect(h.rows).toHaveLength(5);
    expect(h.rows.map((row) => row[0]!.impact)).toEqual([5, 4, 3, 2, 1]);
    expect(h.rows[0]!.map((c) => c.likelihood)).toEqual([1, 2, 3, 4, 5]);
    expect(h.rows[0]![1]).toMatchObject({ likelihood: 2, impact: 5, score: 10, band: 'high', count: 2 });
    expect(h.rows[0]![1]!.riskIds).toContain(a.id);
    expect(h.rows[4]![4]).toMatchObject({ score: 5, band: 'medium', count: 1 });
    expect(h.rows[1]![3]!.count).toBe(0);
    expect(h).toMatchObject({ total: 3, byBand: { low: 0, medium: 1, high: 2, very_high: 0 }, statuses: ['open', 'monitoring'] });
    expect(getRiskHeatMap(r, ['closed']).rows[1]![3]!.count).toBe(1);
  });

  it('changes when a review re-scores a risk', () => {
    const k = create({ likelihood: 5, impact: 5 });
    expect(getRiskHeatMap(r).rows[0]![4]!.count).toBe(1);
    reviewRisk(r, reviewRiskInput.parse({ id: k.id, likelihood: 1, impact: 5, note: 'Much less likely now' }), TODAY);
    const h = getRiskHeatMap(r);
    expect(h.rows[0]![4]!.count).toBe(0);
    expect(h.rows[0]![0]!.count).toBe(1);
    deleteRisk(r, k.id);
  });

  it('marks reviews due soon and overdue, lists overdue first, and filters', () => {
    const overdue = create({ title: 'Overdue', likelihood: 1, impact: 1, nextReviewDate: '2026-03-16' });
    const soon = create({ title: 'Soon', nextReviewDate: '2026-03-30' });
    const later = create({ title: 'Later', nextReviewDate: '2026-03-31' });
    const l = listRisks(r, { asOf: '2026-03-18' }, TODAY);
    const state = (id: number) => l.rows.find((x) => x.id === id)!;
    expect(state(overdue.id)).toMatchObject({ reviewState: 'overdue', daysOverdue: 2 });
    expect(state(soon.id).reviewState).toBe('due_soon');
    expect(state(later.id).reviewState).toBe('due_soon');
    expect(listRisks(r, { asOf: '2026-03-16' }, TODAY).rows.find((x) => x.id === later.id)!.reviewState).toBe('ok');
    expect(l.rows[0]!.id).toBe(overdue.id);
    expect(listRisks(r, { dueForReview: true, asOf: '2026-03-16' }, TODAY).rows.map((x) => x.title).sort()).toEqual(['Overdue', 'Soon']);
    expect(listRisks(r, { status: 'closed' }, TODAY).rows).toHaveLength(1);
    expect(listRisks(r, { band: 'high' }, TODAY).rows).toHaveLength(2);
    expect(l.counts).toMatchObject({ open: 5, monitoring: 1, closed: 1 });
  });

  it('writes an audit entry per change, never the content', () => {
    const rows = r.sqlite.prepare("SELECT action, record_type, record_id FROM audit_log WHERE record_type LIKE 'risk%' ORDER BY id DESC LIMIT 3").all() as { record_type: string; record_id: string }[];
    expect(rows.length).toBe(3);
    for (const x of rows) expect(x.record_id).toMatch(/^\d+(:\d+)?$/);
  });
});
