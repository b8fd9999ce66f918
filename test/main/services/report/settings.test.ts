// The report's settings per academic year: whole-school figures, national benchmarks (the
// reference defaults, shown with year and source, until the DT saves their own), training and the
// narrative sections, all through the API dispatcher (validation, audit, errors as data).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../../db/keyring.ts';
import { AppContext } from '../../../../main/api/context.ts';
import { NARRATIVE_KEYS, type ReportSettings } from '../../../../main/api/contract.ts';
import { dispatch } from '../../../../main/api/dispatch.ts';
import { defaultBenchmarks, REFERENCE_BENCHMARKS } from '../../../../main/services/report/benchmarkDefaults.ts';

const reference = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../shared/reference/england-codes.json'), 'utf8')) as {
  national_benchmarks_defaults: Record<string, Record<string, unknown>[] | string>;
};

let dir: string;
let ctx: AppContext;
const YEAR = '2025-26';

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-report-settings-'));
  ctx = new AppContext({ registerPath: path.join(dir, 'r.cicdb'), demoPath: null, kdf: FAST_TEST_KDF });
  await call('createRegister', { schoolName: 'Fictional School', userName: 'A. Teacher', role: 'dt', passphrase: 'correct horse battery staple' });
  await call('saveAcademicYear', { label: YEAR, startDate: '2025-09-01', endDate: '2026-08-31', terms: [], closures: [] });
});

afterAll(() => {
  ctx.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('benchmark defaults', () => {
  it('are exactly the reference data\'s national benchmark defaults', () => {
    const fromFile = Object.entries(reference.national_benchmarks_defaults).filter(([k]) => !k.startsWith('_'))
      .flatMap(([key, rows]) => (rows as Record<string, unknown>[]).map((r): Record<string, unknown> => ({ key, ...r })));
    expect(REFERENCE_BENCHMARKS).toHaveLength(fromFile.length);
    for (const r of fromFile) {
      const mine = REFERENCE_BENCHMARKS.find((b) => b.referenceKey === r.key && b.dataYear === r.year)!;
      expect(mine, `${r.key} ${r.year}`).toBeDefined();
      expect(mine.source).toBe(r.source);
      const cla = r.children_looked_after ?? r.children_looked_after_12_months ?? null;
      const other = r.all_pupils ?? r.non_looked_after ?? null;
      expect(mine.claValue).toBe(cla);
      expect(mine.comparisonValue).toBe(other);
      expect(mine.claGroup).toBe('children_looked_after_12_months' in r ? 'cla_12_months' : 'cla');
      if (other !== null) expect(mine.comparisonGroup).toBe('non_looked_after' in r ? 'non_looked_after' : 'all_pupils');
    }
    // The default per measure is the most recent year.
    expect(defaultBenchmarks().find((b) => b.measure === 'ks4_attainment8')!.dataYear).toBe('2018/19');
  });
});

describe('report settings', () => {
  it('start with the defaults (with year and source), empty figures and every narrative section', async () => {
    const s = await call<ReportSettings>('getReportSettings', { year: YEAR });
    expect(s.benchmarksAreDefaults).toBe(true);
    expect(s.benchmarks.every((b) => b.isDefault && b.dataYear && b.source)).toBe(true);
    expect(s.benchmarks.map((b) => b.measure).sort()).toEqual(['ks2_rwm_expected_percent', 'ks4_attainment8', 'persistent_absence_percent']);
    expect(s.schoolFigures.every((f) => f.value === null)).toBe(true);
    expect(s.narrative.map((n) => n.key)).toEqual(NARRATIVE_KEYS);
    expect(s.narrative.every((n) => n.body === '' && n.hint)).toBe(true);
  });

  it('saves whole-school figures and their source; leaving one out clears it', async () => {
    let s = await call<ReportSettings>('saveSchoolFigures', { year: YEAR, figures: { attendance_percent: 94.1, persistent_absence_percent: 17.2 }, source: 'MIS, July' });
    expect(s.schoolFigures.find((f) => f.measure === 'attendance_percent')!.value).toBe(94.1);
    expect(s.schoolFiguresSource).toBe('MIS, July');
    s = await call<ReportSettings>('saveSchoolFigures', { year: YEAR, figures: { attendance_percent: 94.3 } });
    expect(s.schoolFigures.find((f) => f.measure === 'persistent_absence_percent')!.value).toBeNull();
    const bad = await dispatch(ctx, 'saveSchoolFigures', { year: YEAR, figures: { attendance_percent: 140 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'Invalid' } });
  });

  it('replaces the benchmarks with the DT\'s own (even none), and restores the defaults', async () => {
    let s = await call<ReportSettings>('saveBenchmarks', { year: YEAR, benchmarks: [
      { measure: 'ks4_attainment8', claValue: 22.1, claGroup: 'cla', comparisonValue: 46.1, comparisonGroup: 'all_pupils', dataYear: '2023/24', source: 'DfE, Outcomes for children in need 2024' },
      { measure: 'missed_25_days_percent', claValue: 13, claGroup: 'cla_12_months', comparisonValue: null, comparisonGroup: 'all_pupils', dataYear: '2023/24', source: 'DfE' },
    ] });
    expect(s.benchmarksAreDefaults).toBe(false);
    expect(s.benchmarks.map((b) => [b.measure, b.claValue, b.dataYear, b.isDefault])).toEqual([
      ['missed_25_days_percent', 13, '2023/24', false], ['ks4_attainment8', 22.1, '2023/24', false],
    ]);
    s = await call<ReportSettings>('saveBenchmarks', { year: YEAR, benchmarks: [] });
    expect(s.benchmarks).toEqual([]);
    const dup = await dispatch(ctx, 'saveBenchmarks', { year: YEAR, benchmarks: [
      { measure: 'ks4_attainment8', claValue: 1, claGroup: 'cla', comparisonValue: null, comparisonGroup: 'all_pupils', dataYear: 'x', source: 'y' },
      { measure: 'ks4_attainment8', claValue: 2, claGroup: 'cla', comparisonValue: null, comparisonGroup: 'all_pupils', dataYear: 'x', source: 'y' },
    ] });
    expect(dup).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    const noValue = await dispatch(ctx, 'saveBenchmarks', { year: YEAR, benchmarks: [
      { measure: 'ks4_attainment8', claValue: null, claGroup: 'cla', comparisonValue: null, comparisonGroup: 'all_pupils', dataYear: 'x', source: 'y' },
    ] });
    expect(noValue).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    s = await call<ReportSettings>('resetBenchmarks', { year: YEAR });
    expect(s.benchmarksAreDefaults).toBe(true);
    expect(s.benchmarks).toHaveLength(3);
  });

  it('records training in the year, edits and deletes it', async () => {
    let s = await call<ReportSettings>('saveTraining', { year: YEAR, deliveredOn: '2025-10-15', title: 'Attachment-aware classrooms', audience: 'All staff', deliveredBy: 'Virtual School', attendees: 40 });
    const t = s.training[0]!;
    expect(t).toMatchObject({ title: 'Attachment-aware classrooms', attendees: 40 });
    s = await call<ReportSettings>('saveTraining', { id: t.id, year: YEAR, deliveredOn: '2025-10-16', title: 'Attachment-aware classrooms', attendees: 41 });
    expect(s.training[0]).toMatchObject({ deliveredOn: '2025-10-16', attendees: 41, audience: null });
    const outside = await dispatch(ctx, 'saveTraining', { year: YEAR, deliveredOn: '2024-10-16', title: 'Too early' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'Invalid', issues: [{ path: ['deliveredOn'] }] } });
    s = await call<ReportSettings>('deleteTraining', { id: t.id });
    expect(s.training).toEqual([]);
  });

  it('edits each narrative section, adds and orders the DT\'s own sections', async () => {
    let s = await call<ReportSettings>('saveNarrativeSection', { year: YEAR, key: 'priorities', body: '- Attendance above 95%.\n- Every PEP on time.' });
    expect(s.narrative.find((n) => n.key === 'priorities')!.body).toBe('- Attendance above 95%.\n- Every PEP on time.');
    s = await call<ReportSettings>('saveNarrativeSection', { year: YEAR, key: 'priorities', body: 'Rewritten.' });
    expect(s.narrative.filter((n) => n.key === 'priorities')).toHaveLength(1);
    await call<ReportSettings>('saveCustomSection', { year: YEAR, title: 'Virtual Schools', body: 'Termly meetings.' });
    s = await call<ReportSettings>('saveCustomSection', { year: YEAR, title: 'Transitions', body: 'Year 6 to 7.' });
    const custom = s.narrative.filter((n) => n.key === 'custom');
    expect(custom.map((n) => n.title)).toEqual(['Virtual Schools', 'Transitions']);
    s = await call<ReportSettings>('reorderCustomSections', { year: YEAR, ids: [custom[1]!.id, custom[0]!.id] });
    expect(s.narrative.filter((n) => n.key === 'custom').map((n) => n.title)).toEqual(['Transitions', 'Virtual Schools']);
    await call<ReportSettings>('saveCustomSection', { year: YEAR, id: custom[0]!.id, title: 'Working with Virtual Schools', body: 'Termly.' });
    s = await call<ReportSettings>('deleteCustomSection', { id: custom[1]!.id });
    expect(s.narrative.filter((n) => n.key === 'custom').map((n) => n.title)).toEqual(['Working with Virtual Schools']);
  });

  it('gives the report and exports it from an empty register, audited, with NotFound for an unknown year', async () => {
    const r = await dispatch(ctx, 'getGovernorsReport', { year: YEAR });
    expect(r.ok).toBe(true);
    const e = await call<{ files: { fileName: string; mimeType: string }[] }>('exportGovernorsReport', { year: YEAR, format: 'docx' });
    expect(e.files[0]).toMatchObject({ fileName: 'governors-report-2025-26.docx' });
    const missing = await dispatch(ctx, 'getGovernorsReport', { year: '2030-31' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    const audit = ctx.requireRegister().sqlite.prepare("SELECT action, record_type, record_id FROM audit_log WHERE record_type LIKE 'report.%' OR record_type LIKE 'governors_report%'").all() as { action: string; record_type: string }[];
    expect(audit.map((a) => a.record_type)).toEqual(expect.arrayContaining(['report.school_figures', 'report.benchmarks', 'report.training', 'report.narrative', 'governors_report.docx']));
  });
});
