// The governors' report's settings for one academic year: whole-school figures, national
// benchmarks (reference defaults until the DT saves their own), staff training delivered and the
// narrative sections. Every change is one transaction with an audit entry (type and id, no content).

import type { z } from 'zod';
import { InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import {
  type Benchmark, type benchmarkInput, type customSectionInput, NARRATIVE_KEYS, NARRATIVE_SECTIONS, type NarrativeKey, type narrativeInput,
  type NarrativeSection, REPORT_MEASURES, type ReportMeasure, type ReportSettings, type saveSchoolFiguresInput, SCHOOL_MEASURE_KEYS,
  type TrainingEntry, type trainingInput,
} from '../../api/contract.ts';
import { defaultBenchmarks } from './benchmarkDefaults.ts';
import { loadYear, loadYearById, type YearRow } from './year.ts';

type BenchmarkInput = z.output<typeof benchmarkInput>;

const measureInfo = (m: ReportMeasure) => ({ measureLabel: REPORT_MEASURES[m].label, unit: REPORT_MEASURES[m].unit });

function defaultsAsBenchmarks(): Benchmark[] {
  return defaultBenchmarks().map((b) => ({
    measure: b.measure, ...measureInfo(b.measure), claValue: b.claValue, claGroup: b.claGroup, comparisonValue: b.comparisonValue,
    comparisonGroup: b.comparisonGroup, dataYear: b.dataYear, source: b.source, isDefault: true,
  }));
}

const measureOrder = (m: ReportMeasure): number => Object.keys(REPORT_MEASURES).indexOf(m);

/** The benchmarks the year's report uses. */
export function effectiveBenchmarks(register: Register, y: YearRow): { benchmarks: Benchmark[]; areDefaults: boolean } {
  const settings = register.one(qb.selectFrom('report_years').selectAll().where('academic_year_id', '=', y.id));
  if (!settings || settings.benchmarks_customised === 0) return { benchmarks: defaultsAsBenchmarks(), areDefaults: true };
  const rows = register.all(qb.selectFrom('report_benchmarks').selectAll().where('academic_year_id', '=', y.id));
  const known = rows.filter((r): r is typeof r & { measure: ReportMeasure } => r.measure in REPORT_MEASURES);
  return {
    areDefaults: false,
    benchmarks: known.sort((a, b) => measureOrder(a.measure) - measureOrder(b.measure)).map((r) => ({
      measure: r.measure, ...measureInfo(r.measure), claValue: r.cla_value, claGroup: r.cla_group, comparisonValue: r.comparison_value,
      comparisonGroup: r.comparison_group, dataYear: r.data_year, source: r.source, isDefault: false,
    })),
  };
}

export function schoolFigures(register: Register, y: YearRow): Map<string, number> {
  return new Map(register.all(qb.selectFrom('report_school_figures').select(['measure', 'value']).where('academic_year_id', '=', y.id)).map((r) => [r.measure, r.value]));
}

export function narrativeSections(register: Register, y: YearRow): NarrativeSection[] {
  const rows = register.all(qb.selectFrom('report_narratives').selectAll().where('academic_year_id', '=', y.id).orderBy('position').orderBy('id'));
  const builtIn = NARRATIVE_KEYS.map((key): NarrativeSection => {
    const r = rows.find((x) => x.section_key === key);
    return { key, id: null, title: NARRATIVE_SECTIONS[key].title, body: r?.body ?? '', hint: NARRATIVE_SECTIONS[key].hint, updatedAt: r?.updated_at ?? null };
  });
  const custom = rows.filter((r) => r.section_key === 'custom').map((r): NarrativeSection => ({
    key: 'custom', id: r.id, title: r.title ?? '', body: r.body, hint: null, updatedAt: r.updated_at,
  }));
  return [...builtIn, ...custom];
}

export function trainingEntries(register: Register, y: YearRow): TrainingEntry[] {
  return register.all(qb.selectFrom('report_training').selectAll().where('academic_year_id', '=', y.id).orderBy('delivered_on').orderBy('id')).map((t) => ({
    id: t.id, deliveredOn: t.delivered_on, title: t.title, audience: t.audience, deliveredBy: t.delivered_by, attendees: t.attendees, notes: t.notes,
  }));
}

function settingsFor(register: Register, y: YearRow): ReportSettings {
  const row = register.one(qb.selectFrom('report_years').selectAll().where('academic_year_id', '=', y.id));
  const figures = schoolFigures(register, y);
  const { benchmarks, areDefaults } = effectiveBenchmarks(register, y);
  return {
    academicYear: { id: y.id, label: y.label, startDate: y.start_date, endDate: y.end_date },
    schoolFigures: SCHOOL_MEASURE_KEYS.map((m) => ({ measure: m, label: REPORT_MEASURES[m].label, unit: REPORT_MEASURES[m].unit, max: REPORT_MEASURES[m].max, value: figures.get(m) ?? null })),
    schoolFiguresSource: row?.school_figures_source ?? null,
    benchmarks,
    benchmarksAreDefaults: areDefaults,
    defaultBenchmarks: defaultsAsBenchmarks(),
    training: trainingEntries(register, y),
    narrative: narrativeSections(register, y),
  };
}

export function getReportSettings(register: Register, year: string): ReportSettings {
  return settingsFor(register, loadYear(register, year));
}

/** The year's settings row, created on first write. */
function ensureYearRow(register: Register, y: YearRow, now: string): void {
  register.run(qb.insertInto('report_years').values({ academic_year_id: y.id, updated_at: now })
    .onConflict((oc) => oc.column('academic_year_id').doUpdateSet({ updated_at: now })));
}

export function saveSchoolFigures(register: Register, input: z.output<typeof saveSchoolFiguresInput>): ReportSettings {
  const y = loadYear(register, input.year);
  const now = new Date().toISOString();
  register.transaction(() => {
    ensureYearRow(register, y, now);
    register.run(qb.updateTable('report_years').set({ school_figures_source: input.source ?? null }).where('academic_year_id', '=', y.id));
    register.run(qb.deleteFrom('report_school_figures').where('academic_year_id', '=', y.id));
    for (const m of SCHOOL_MEASURE_KEYS) {
      const v = input.figures[m];
      if (v != null) register.run(qb.insertInto('report_school_figures').values({ academic_year_id: y.id, measure: m, value: v }));
    }
    register.audit({ action: 'update', recordType: 'report.school_figures', recordId: y.label });
  });
  return settingsFor(register, y);
}

export function saveBenchmarks(register: Register, year: string, benchmarks: BenchmarkInput[]): ReportSettings {
  const y = loadYear(register, year);
  const now = new Date().toISOString();
  register.transaction(() => {
    ensureYearRow(register, y, now);
    register.run(qb.updateTable('report_years').set({ benchmarks_customised: 1 }).where('academic_year_id', '=', y.id));
    register.run(qb.deleteFrom('report_benchmarks').where('academic_year_id', '=', y.id));
    for (const b of benchmarks) {
      register.run(qb.insertInto('report_benchmarks').values({
        academic_year_id: y.id, measure: b.measure, cla_value: b.claValue, cla_group: b.claGroup, comparison_value: b.comparisonValue,
        comparison_group: b.comparisonGroup, data_year: b.dataYear, source: b.source,
      }));
    }
    register.audit({ action: 'update', recordType: 'report.benchmarks', recordId: y.label });
  });
  return settingsFor(register, y);
}

export function resetBenchmarks(register: Register, year: string): ReportSettings {
  const y = loadYear(register, year);
  const now = new Date().toISOString();
  register.transaction(() => {
    ensureYearRow(register, y, now);
    register.run(qb.updateTable('report_years').set({ benchmarks_customised: 0 }).where('academic_year_id', '=', y.id));
    register.run(qb.deleteFrom('report_benchmarks').where('academic_year_id', '=', y.id));
    register.audit({ action: 'update', recordType: 'report.benchmarks', recordId: y.label });
  });
  return settingsFor(register, y);
}

export function saveTraining(register: Register, input: z.output<typeof trainingInput>): ReportSettings {
  const y = loadYear(register, input.year);
  if (input.deliveredOn < y.start_date || input.deliveredOn > y.end_date) {
    throw InvalidError.field('deliveredOn', `The date must fall in the academic year ${y.label}.`);
  }
  const now = new Date().toISOString();
  register.transaction(() => {
    const values = {
      academic_year_id: y.id, delivered_on: input.deliveredOn, title: input.title, audience: input.audience ?? null,
      delivered_by: input.deliveredBy ?? null, attendees: input.attendees ?? null, notes: input.notes ?? null, updated_at: now,
    };
    if (input.id) {
      const r = register.run(qb.updateTable('report_training').set(values).where('id', '=', input.id));
      if (!r.changes) throw new NotFoundError('That training entry');
      register.audit({ action: 'update', recordType: 'report.training', recordId: input.id });
    } else {
      const id = register.run(qb.insertInto('report_training').values({ ...values, created_at: now })).lastInsertRowid;
      register.audit({ action: 'create', recordType: 'report.training', recordId: id });
    }
  });
  return settingsFor(register, y);
}

export function deleteTraining(register: Register, id: number): ReportSettings {
  const row = register.one(qb.selectFrom('report_training').select('academic_year_id').where('id', '=', id));
  if (!row) throw new NotFoundError('That training entry');
  register.transaction(() => {
    register.run(qb.deleteFrom('report_training').where('id', '=', id));
    register.audit({ action: 'delete', recordType: 'report.training', recordId: id });
  });
  return settingsFor(register, loadYearById(register, row.academic_year_id));
}

export function saveNarrativeSection(register: Register, input: z.output<typeof narrativeInput>): ReportSettings {
  const y = loadYear(register, input.year);
  const now = new Date().toISOString();
  const key: NarrativeKey = input.key;
  register.transaction(() => {
    const existing = register.one(qb.selectFrom('report_narratives').select('id').where('academic_year_id', '=', y.id).where('section_key', '=', key));
    if (existing) register.run(qb.updateTable('report_narratives').set({ body: input.body, updated_at: now }).where('id', '=', existing.id));
    else register.run(qb.insertInto('report_narratives').values({ academic_year_id: y.id, section_key: key, body: input.body, updated_at: now }));
    register.audit({ action: existing ? 'update' : 'create', recordType: 'report.narrative', recordId: `${y.label}:${key}` });
  });
  return settingsFor(register, y);
}

export function saveCustomSection(register: Register, input: z.output<typeof customSectionInput>): ReportSettings {
  const y = loadYear(register, input.year);
  const now = new Date().toISOString();
  register.transaction(() => {
    if (input.id) {
      const r = register.run(qb.updateTable('report_narratives').set({ title: input.title, body: input.body, updated_at: now })
        .where('id', '=', input.id).where('section_key', '=', 'custom').where('academic_year_id', '=', y.id));
      if (!r.changes) throw new NotFoundError('That report section');
      register.audit({ action: 'update', recordType: 'report.narrative', recordId: input.id });
    } else {
      const last = register.one(qb.selectFrom('report_narratives').select((eb) => eb.fn.max('position').as('p'))
        .where('academic_year_id', '=', y.id).where('section_key', '=', 'custom'));
      const id = register.run(qb.insertInto('report_narratives').values({
        academic_year_id: y.id, section_key: 'custom', title: input.title, body: input.body, position: (last?.p ?? 0) + 1, updated_at: now,
      })).lastInsertRowid;
      register.audit({ action: 'create', recordType: 'report.narrative', recordId: id });
    }
  });
  return settingsFor(register, y);
}

export function deleteCustomSection(register: Register, id: number): ReportSettings {
  const row = register.one(qb.selectFrom('report_narratives').select('academic_year_id').where('id', '=', id).where('section_key', '=', 'custom'));
  if (!row) throw new NotFoundError('That report section');
  register.transaction(() => {
    register.run(qb.deleteFrom('report_narratives').where('id', '=', id));
    register.audit({ action: 'delete', recordType: 'report.narrative', recordId: id });
  });
  return settingsFor(register, loadYearById(register, row.academic_year_id));
}

export function reorderCustomSections(register: Register, year: string, ids: number[]): ReportSettings {
  const y = loadYear(register, year);
  register.transaction(() => {
    const all = register.all(qb.selectFrom('report_narratives').select('id').where('academic_year_id', '=', y.id).where('section_key', '=', 'custom')).map((r) => r.id);
    if (new Set(ids).size !== ids.length || ids.length !== all.length || !all.every((i) => ids.includes(i))) {
      throw InvalidError.field('ids', 'Give every extra section exactly once, in the new order.');
    }
    ids.forEach((sid, i) => register.run(qb.updateTable('report_narratives').set({ position: i + 1 }).where('id', '=', sid)));
    register.audit({ action: 'update', recordType: 'report.narrative', recordId: `${y.label}:order` });
  });
  return settingsFor(register, y);
}
