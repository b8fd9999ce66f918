// The governors' report's figures for one academic year (issue 8). Every count about children is
// registered in one CountSystem with the sums that tie the tables together (shared cohort totals,
// partitions, "is part of" relations), suppressed in one go, and only then printed. The result
// (GovernorsReport) holds printed text and printed numbers only: no child's name, UPN or date of
// birth, no child ids, and no hidden value.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import {
  type Benchmark, BENCHMARK_GROUPS, type BenchmarkView, type Comparison, type GovernorsReport, PLAC_ARRANGEMENTS,
  type ReportCell, REPORT_MEASURES, type ReportMeasure, SEN_PROVISION_CODES,
} from '../../api/contract.ts';
import { yearGroupLabel } from '../../api/contract/yearGroup.ts';
import { formatDate } from '../../documents/format.ts';
import { getSchoolSettings } from '../settings.ts';
import { aggregateSurvey } from '../survey/results.ts';
import { scanForPersonalData } from './anonymity.ts';
import { type ChildFacts, loadYearFacts, type Status } from './facts.ts';
import { interventionsSection, pepSection, ppPlusSection, riskSummary } from './programme.ts';
import { effectiveBenchmarks, narrativeSections, schoolFigures, trainingEntries } from './settings.ts';
import { CountSystem, SUPPRESS_BELOW, suppress, Suppressed, type SuppressionOutcome } from './suppression.ts';
import {
  cell, DASH, groupFigure, pct1, percentCell, renderTable, round1, type TableSpec,
} from './tables.ts';
import { loadYear } from './year.ts';

const STATUSES: Status[] = ['CLA', 'PLAC'];
const COLS = ['Looked after', 'Previously looked after', 'Total'];
const SPLIT = [...STATUSES, 'total'] as const;
type Split = (typeof SPLIT)[number];

export const SUPPRESSION_NOTE = `To protect children's privacy, no child is named and every number from 1 to ${SUPPRESS_BELOW - 1} is shown as `
  + `"fewer than ${SUPPRESS_BELOW}". Where a small number could still be worked out from a total or from other figures, a further figure `
  + 'is shown as "withheld". Percentages, averages, days and amounts are not shown for a group whose number is not shown. '
  + 'A breakdown is left out altogether when the group is too small to show any of it safely. '
  + 'Risk register figures describe the school\'s programme, not children, and are shown in full.';

/** Registers a count split by status: key.CLA + key.PLAC = key.total. */
function statusCounts(sys: CountSystem, group: string, key: string, facts: ChildFacts[], pick: (c: ChildFacts) => number): void {
  const v = (s: Status) => facts.filter((c) => c.status === s).reduce((n, c) => n + pick(c), 0);
  sys.count(`${key}.CLA`, v('CLA'));
  sys.count(`${key}.PLAC`, v('PLAC'));
  sys.count(`${key}.total`, v('CLA') + v('PLAC'));
  sys.line(group, `${key}.total`, [`${key}.CLA`, `${key}.PLAC`]);
}

/** `sub.x` ⊆ `sup.x` for each split: the reader knows the part is no bigger than the whole. */
function subsets(sys: CountSystem, group: string, sub: string, sup: string, sensitive: boolean): void {
  for (const s of SPLIT) sys.subset(group, `${sub}.${s}`, `${sup}.${s}`, { sensitive });
}

const splitRow = (label: string, key: string, isTotal = false) => ({ label, cells: SPLIT.map((s) => `${key}.${s}`), isTotal });

export interface BuildOptions {
  /** Tests: sees the report's counts and the suppression decided for them (never part of the report). */
  inspect?: (sys: CountSystem, outcome: SuppressionOutcome) => void;
}

export function buildGovernorsReport(register: Register, year: string, today: string, opts: BuildOptions = {}): GovernorsReport {
  const y = loadYear(register, year);
  const settings = getSchoolSettings(register);
  const facts = loadYearFacts(register, y, today);
  const kids = facts.children;
  const sys = new CountSystem();
  const specs: TableSpec[] = [];
  const spec = (t: TableSpec): TableSpec => {
    specs.push(t);
    return t;
  };
  const figures = schoolFigures(register, y);
  const { benchmarks } = effectiveBenchmarks(register, y);
  const benchmarkFor = (m: ReportMeasure): BenchmarkView | null => {
    const b = benchmarks.find((x) => x.measure === m);
    return b ? benchmarkView(b) : null;
  };
  const notes: string[] = [];

  // ---- cohort -----------------------------------------------------------------------------------
  const years = kids.map((c) => c.yearGroup);
  const yearRows = years.length ? range(Math.min(...years), Math.max(...years)) : [];
  const ygKey = (yg: number, s: Split) => `yg.${yg}.${s}`;
  sys.table('cohort.year', {
    rows: yearRows.map(String), cols: STATUSES,
    value: (r, c) => kids.filter((k) => k.yearGroup === Number(r) && k.status === c).length,
    key: (r, c) => ygKey(Number(r), c as Status), rowTotal: (r) => ygKey(Number(r), 'total'), colTotal: (c) => `cohort.${c}`, grand: 'cohort.total',
    // The first and last year groups are listed because someone is in them.
    rowsAtLeastOne: (r) => Number(r) === yearRows[0] || Number(r) === yearRows[yearRows.length - 1],
  });
  spec({
    id: 'cohort.year', title: 'Children by year group', rowHeader: 'Year group', columns: COLS,
    rows: [...yearRows.map((yg) => ({ label: yearGroupLabel(yg), cells: SPLIT.map((s) => ygKey(yg, s)) })), splitRow('Total', 'cohort', true)],
  });

  const las = register.all(qb.selectFrom('local_authorities').select(['id', 'name']).orderBy('name'));
  const laRows = [...las.map((l) => ({ key: String(l.id), label: l.name, listed: false }))];
  if (kids.some((c) => c.laId === null || !las.some((l) => l.id === c.laId))) laRows.push({ key: 'none', label: 'Not recorded', listed: true });
  const laOf = (c: ChildFacts) => (c.laId !== null && las.some((l) => l.id === c.laId) ? String(c.laId) : 'none');
  sys.table('cohort.la', {
    rows: laRows.map((r) => r.key), cols: STATUSES,
    value: (r, c) => kids.filter((k) => laOf(k) === r && k.status === c).length,
    key: (r, c) => `la.${r}.${c}`, rowTotal: (r) => `la.${r}.total`, colTotal: (c) => `cohort.${c}`, grand: 'cohort.total',
    rowsAtLeastOne: (r) => r === 'none',
  });
  spec({
    id: 'cohort.la', title: 'Children by responsible local authority', rowHeader: 'Local authority', columns: COLS,
    rows: [...laRows.map((r) => ({ label: r.label, cells: SPLIT.map((s) => `la.${r.key}.${s}`) })), splitRow('Total', 'cohort', true)],
    note: 'For previously looked-after children, the local authority that last looked after them, where known.',
  });

  const senRows = Object.keys(SEN_PROVISION_CODES) as (keyof typeof SEN_PROVISION_CODES)[];
  sys.table('cohort.sen', {
    rows: senRows, cols: STATUSES,
    value: (r, c) => kids.filter((k) => k.sen === r && k.status === c).length,
    key: (r, c) => `sen.${r}.${c}`, rowTotal: (r) => `sen.${r}.total`, colTotal: (c) => `cohort.${c}`, grand: 'cohort.total',
  });
  spec({
    id: 'cohort.sen', title: 'Special educational needs', rowHeader: 'SEN provision', columns: COLS,
    rows: [...senRows.map((r) => ({ label: `${SEN_PROVISION_CODES[r]} (${r})`, cells: SPLIT.map((s) => `sen.${r}.${s}`) })), splitRow('Total', 'cohort', true)],
  });

  const placKeys = Object.keys(PLAC_ARRANGEMENTS);
  const plac = kids.filter((c) => c.status === 'PLAC');
  const placRows = [...placKeys, 'none'].filter((k) => k !== 'none' || plac.some((c) => !c.placArrangement || !placKeys.includes(c.placArrangement)));
  const placOf = (c: ChildFacts) => (c.placArrangement && placKeys.includes(c.placArrangement) ? c.placArrangement : 'none');
  for (const r of placRows) sys.count(`plac.${r}`, plac.filter((c) => placOf(c) === r).length, { atLeast: r === 'none' ? 1 : 0 });
  sys.line('cohort.plac', 'cohort.PLAC', placRows.map((r) => `plac.${r}`));
  spec({
    id: 'cohort.plac', title: 'How previously looked-after children left care', rowHeader: 'Arrangement', columns: ['Children'],
    rows: [
      ...placRows.map((r) => ({ label: r === 'none' ? 'Not recorded' : PLAC_ARRANGEMENTS[r as keyof typeof PLAC_ARRANGEMENTS], cells: [`plac.${r}`] })),
      { label: 'Total', cells: ['cohort.PLAC'], isTotal: true },
    ],
  });

  statusCounts(sys, 'cohort.movement', 'joined', kids, (c) => (c.joinedInYear ? 1 : 0));
  statusCounts(sys, 'cohort.movement', 'left', kids, (c) => (c.leftInYear ? 1 : 0));
  subsets(sys, 'cohort.movement', 'joined', 'cohort', false);
  subsets(sys, 'cohort.movement', 'left', 'cohort', false);
  spec({
    id: 'cohort.movement', title: 'Joiners and leavers', rowHeader: 'During the year', columns: COLS,
    rows: [splitRow('Joined the school', 'joined'), splitRow('Left the school', 'left'), splitRow('On roll at some point in the year', 'cohort', true)],
  });

  // ---- attendance ------------------------------------------------------------------------------
  const band = (c: ChildFacts): 'b95' | 'b90' | 'pa' | 'none' => {
    if (c.possibleSessions === 0) return 'none';
    const absence = (c.possibleSessions - c.presentSessions) / c.possibleSessions;
    if (absence >= 0.1) return 'pa';
    return c.presentSessions / c.possibleSessions >= 0.95 ? 'b95' : 'b90';
  };
  const bandRows = [
    { key: 'b95', label: '95% or more' },
    { key: 'b90', label: 'Above 90% and below 95%' },
    { key: 'pa', label: 'Persistently absent (missed 10% or more)' },
    { key: 'none', label: 'No attendance recorded' },
  ];
  sys.table('attendance.bands', {
    rows: bandRows.map((b) => b.key), cols: STATUSES,
    value: (r, c) => kids.filter((k) => band(k) === r && k.status === c).length,
    key: (r, c) => `att.${r}.${c}`, rowTotal: (r) => `att.${r}.total`, colTotal: (c) => `cohort.${c}`, grand: 'cohort.total',
  });
  // Children with attendance recorded: the persistent absence rate's denominator.
  statusCounts(sys, 'attendance.bands', 'att.recorded', kids, (c) => (c.possibleSessions > 0 ? 1 : 0));
  for (const s of SPLIT) sys.line('attendance.bands', `att.recorded.${s}`, ['b95', 'b90', 'pa'].map((b) => `att.${b}.${s}`));
  spec({
    id: 'attendance.bands', title: 'Attendance bands', rowHeader: 'Attendance over the year', columns: COLS,
    rows: [...bandRows.map((b) => splitRow(b.label, `att.${b.key}`)), splitRow('Total', 'cohort', true)],
  });

  const sessions = (pred: (c: ChildFacts) => boolean) => {
    const g = kids.filter((c) => pred(c) && c.possibleSessions > 0);
    const possible = g.reduce((n, c) => n + c.possibleSessions, 0);
    return possible ? round1((g.reduce((n, c) => n + c.presentSessions, 0) / possible) * 100) : null;
  };
  const attendanceOf = { CLA: sessions((c) => c.status === 'CLA'), PLAC: sessions((c) => c.status === 'PLAC'), total: sessions(() => true) };

  // The national indicator: looked after 12 months or more, missed 25 or more school days.
  const cla12 = kids.filter((c) => c.cla12Months && c.possibleSessions > 0);
  const missedDays = (c: ChildFacts) => (c.possibleSessions - c.presentSessions) / 2;
  sys.count('cla12.recorded', cla12.length);
  sys.count('cla12.missed25', cla12.filter((c) => missedDays(c) >= 25).length);
  sys.count('cla12.pa', cla12.filter((c) => band(c) === 'pa').length);
  sys.subset('attendance.cla12', 'cla12.recorded', 'att.recorded.CLA', { sensitive: true });
  sys.subset('attendance.cla12', 'cla12.missed25', 'cla12.recorded', { sensitive: true });
  sys.subset('attendance.cla12', 'cla12.pa', 'cla12.recorded', { sensitive: true });
  sys.subset('attendance.cla12', 'cla12.pa', 'att.pa.CLA', { sensitive: true });

  spec({
    id: 'attendance.summary', title: 'Attendance and persistent absence', rowHeader: 'Group', group: 'attendance.bands',
    columns: ['Children with attendance recorded', 'Attendance', 'Persistently absent', 'Persistent absence rate'],
    rows: [
      ...SPLIT.map((s) => ({
        label: s === 'CLA' ? 'Looked after' : s === 'PLAC' ? 'Previously looked after' : 'All our children',
        isTotal: s === 'total',
        cells: [`att.recorded.${s}`, (x: Suppressed) => groupFigure(x, `att.recorded.${s}`, attendanceOf[s], pct1), `att.pa.${s}`,
          (x: Suppressed) => percentCell(x, `att.pa.${s}`, `att.recorded.${s}`)],
      })),
      {
        label: 'Looked after 12 months or more',
        cells: ['cla12.recorded', (x: Suppressed) => groupFigure(x, 'cla12.recorded', sessions((c) => c.cla12Months), pct1), 'cla12.pa',
          (x: Suppressed) => percentCell(x, 'cla12.pa', 'cla12.recorded')],
      },
      {
        label: 'Whole school (entered)',
        cells: [DASH_FN, () => schoolCell(figures, 'attendance_percent'), DASH_FN, () => schoolCell(figures, 'persistent_absence_percent')],
      },
    ],
    note: 'A pupil is persistently absent when they miss 10% or more of their possible sessions (DfE definition).',
  });

  // ---- suspensions and exclusions ---------------------------------------------------------------
  statusCounts(sys, 'exclusions', 'susp.children', kids, (c) => (c.suspensions > 0 ? 1 : 0));
  statusCounts(sys, 'exclusions', 'susp.count', kids, (c) => c.suspensions);
  statusCounts(sys, 'exclusions', 'perm.count', kids, (c) => c.permanentExclusions);
  subsets(sys, 'exclusions', 'susp.children', 'cohort', false);
  const daysOf = (s: Split) => kids.filter((c) => s === 'total' || c.status === s).reduce((n, c) => n + c.suspensionDays, 0);
  spec({
    id: 'exclusions', title: 'Suspensions and permanent exclusions', rowHeader: 'During the year', columns: COLS,
    rows: [
      splitRow('Children with one or more suspensions', 'susp.children'),
      splitRow('Suspensions', 'susp.count'),
      { label: 'School days lost to suspension', cells: SPLIT.map((s) => (x: Suppressed) => groupFigure(x, `susp.children.${s}`, daysOf(s), (v) => fmtDays(v))) },
      splitRow('Permanent exclusions', 'perm.count'),
    ],
  });

  // ---- attainment --------------------------------------------------------------------------------
  const y6 = kids.filter((c) => c.yearGroup === 6);
  const ks2With = (c: ChildFacts) => c.ks2 !== null && c.ks2.reading !== null && c.ks2.maths !== null;
  const ks2Reading = (c: ChildFacts) => ks2With(c) && c.ks2!.reading! >= 100;
  const ks2Maths = (c: ChildFacts) => ks2With(c) && c.ks2!.maths! >= 100;
  const ks2All = (c: ChildFacts) => ks2Reading(c) && ks2Maths(c) && c.ks2!.writing !== 'below';
  ensureYearCounts(sys, 6, kids);
  statusCounts(sys, 'attainment.ks2', 'ks2.with', y6, (c) => (ks2With(c) ? 1 : 0));
  statusCounts(sys, 'attainment.ks2', 'ks2.reading', y6, (c) => (ks2Reading(c) ? 1 : 0));
  statusCounts(sys, 'attainment.ks2', 'ks2.maths', y6, (c) => (ks2Maths(c) ? 1 : 0));
  statusCounts(sys, 'attainment.ks2', 'ks2.all', y6, (c) => (ks2All(c) ? 1 : 0));
  for (const s of SPLIT) sys.subset('attainment.ks2', `ks2.with.${s}`, ygKey(6, s), { sensitive: true });
  subsets(sys, 'attainment.ks2', 'ks2.reading', 'ks2.with', true);
  subsets(sys, 'attainment.ks2', 'ks2.maths', 'ks2.with', true);
  subsets(sys, 'attainment.ks2', 'ks2.all', 'ks2.reading', true);
  subsets(sys, 'attainment.ks2', 'ks2.all', 'ks2.maths', true);
  const pctRow = (label: string, num: string, den: string) => ({ label, cells: SPLIT.map((s) => (x: Suppressed) => percentCell(x, `${num}.${s}`, `${den}.${s}`)) });
  spec({
    id: 'attainment.ks2', title: 'Key stage 2 (Year 6)', rowHeader: 'Pupils', columns: COLS,
    rows: [
      { label: 'In Year 6', cells: SPLIT.map((s) => ygKey(6, s)) },
      splitRow('With KS2 results in reading and maths', 'ks2.with'),
      pctRow('Expected standard in reading', 'ks2.reading', 'ks2.with'),
      pctRow('Expected standard in maths', 'ks2.maths', 'ks2.with'),
      pctRow('Expected standard in every subject recorded', 'ks2.all', 'ks2.with'),
    ],
    note: 'Expected standard: a scaled score of 100 or more; writing (teacher assessed) counts where recorded.',
  });

  const y11 = kids.filter((c) => c.yearGroup === 11);
  const ks4With = (c: ChildFacts) => c.ks4 !== null && c.ks4.english !== null && c.ks4.maths !== null;
  const ks4At = (g: number) => (c: ChildFacts) => ks4With(c) && c.ks4!.english! >= g && c.ks4!.maths! >= g;
  const a8 = y11.filter((c) => c.ks4?.attainment8 != null);
  ensureYearCounts(sys, 11, kids);
  statusCounts(sys, 'attainment.ks4', 'ks4.with', y11, (c) => (ks4With(c) ? 1 : 0));
  statusCounts(sys, 'attainment.ks4', 'ks4.4plus', y11, (c) => (ks4At(4)(c) ? 1 : 0));
  statusCounts(sys, 'attainment.ks4', 'ks4.5plus', y11, (c) => (ks4At(5)(c) ? 1 : 0));
  statusCounts(sys, 'attainment.ks4', 'ks4.a8', y11, (c) => (c.ks4?.attainment8 != null ? 1 : 0));
  for (const s of SPLIT) {
    sys.subset('attainment.ks4', `ks4.with.${s}`, ygKey(11, s), { sensitive: true });
    sys.subset('attainment.ks4', `ks4.a8.${s}`, ygKey(11, s), { sensitive: true });
  }
  subsets(sys, 'attainment.ks4', 'ks4.4plus', 'ks4.with', true);
  subsets(sys, 'attainment.ks4', 'ks4.5plus', 'ks4.4plus', true);
  const meanA8 = (s: Split) => {
    const g = a8.filter((c) => s === 'total' || c.status === s);
    return g.length ? round1(g.reduce((n, c) => n + c.ks4!.attainment8!, 0) / g.length) : null;
  };
  const ks4Basis = y11.some((c) => c.ks4?.basis === 'grades');
  spec({
    id: 'attainment.ks4', title: 'Key stage 4 (Year 11)', rowHeader: 'Pupils', columns: COLS,
    rows: [
      { label: 'In Year 11', cells: SPLIT.map((s) => ygKey(11, s)) },
      splitRow('With English and maths grades', 'ks4.with'),
      pctRow('Grade 4 or above in English and maths', 'ks4.4plus', 'ks4.with'),
      pctRow('Grade 5 or above in English and maths', 'ks4.5plus', 'ks4.with'),
      { label: 'Attainment 8 (average, where recorded)', cells: SPLIT.map((s) => (x: Suppressed) => groupFigure(x, `ks4.a8.${s}`, meanA8(s), (v) => v.toFixed(1))) },
    ],
    note: ks4Basis
      ? 'GCSE results where recorded; otherwise the grades in the last progress return of the year (teacher assessment, not results).'
      : 'GCSE results as recorded in the register (the better of English language and literature).',
  });

  const ksOf = (yg: number): string => (yg <= 6 ? 'KS2' : yg <= 9 ? 'KS3' : yg <= 11 ? 'KS4' : 'KS5');
  const stages = ['KS2', 'KS3', 'KS4', 'KS5'].filter((k) => kids.some((c) => ksOf(c.yearGroup) === k));
  const assessed = kids.filter((c) => c.progress?.assessed);
  sys.table('attainment.progress', {
    rows: stages, cols: ['on', 'below'],
    value: (r, c) => assessed.filter((k) => ksOf(k.yearGroup) === r && (k.progress!.onTrack === (c === 'on'))).length,
    key: (r, c) => `prog.${r}.${c}`, rowTotal: (r) => `prog.${r}.assessed`, colTotal: (c) => `prog.all.${c}`, grand: 'prog.all.assessed',
  });
  spec({
    id: 'attainment.progress', title: 'Progress against targets in English and maths', rowHeader: 'Key stage',
    columns: ['Assessed in both', 'On track or above in both', 'Below target in one or both', 'On track or above'],
    rows: [...stages, 'all'].map((k) => ({
      label: k === 'all' ? 'All key stages' : k,
      isTotal: k === 'all',
      cells: [`prog.${k}.assessed`, `prog.${k}.on`, `prog.${k}.below`, (x: Suppressed) => percentCell(x, `prog.${k}.on`, `prog.${k}.assessed`)],
    })),
    note: facts.progressWindow
      ? `From the progress returns for ${facts.progressWindow.name} (closed ${formatDate(facts.progressWindow.closeDate)}): predicted (else current) grade against target.`
      : 'No progress returns with grades were recorded for this year.',
  });

  // ---- programme sections: PEPs, PP+, interventions -------------------------------------------------
  const pep = pepSection(register, y, today, sys, spec);
  const pp = ppPlusSection(register, y, today, sys, spec);
  interventionsSection(register, y, facts, sys, spec);

  // ---- survey ---------------------------------------------------------------------------------------
  const survey = aggregateSurvey(register, y);
  sys.count('survey.responses', survey.responses);
  sys.subset('survey', 'survey.responses', 'cohort.total', { sensitive: false });
  const surveySpecs: { prompt: string; topic: string; spec: TableSpec; note: string | null }[] = [];
  for (const q of survey.questions) {
    const base = `survey.q${q.questionId}`;
    sys.count(`${base}.answered`, q.answered);
    sys.subset(`survey.q${q.questionId}`, `${base}.answered`, 'survey.responses', { sensitive: false });
    if (q.answerType === 'text') {
      surveySpecs.push({
        prompt: q.prompt, topic: q.topic,
        spec: spec({ id: base, title: q.prompt, rowHeader: 'Free-text answers', columns: ['Children who answered'], rows: [{ label: 'Answered', cells: [`${base}.answered`] }] }),
        note: 'Children\'s own words are not reproduced here, as they could identify them. Themes are summarised in the narrative.',
      });
      continue;
    }
    q.options.forEach((o, i) => sys.count(`${base}.o${i}`, o.count));
    if (q.allowMultiple) q.options.forEach((_, i) => sys.subset(base, `${base}.o${i}`, `${base}.answered`, { sensitive: true }));
    else sys.line(base, `${base}.answered`, q.options.map((_, i) => `${base}.o${i}`));
    surveySpecs.push({
      prompt: q.prompt, topic: q.topic,
      spec: spec({
        id: base, title: q.prompt, rowHeader: 'Answer', columns: ['Children', 'Share of those who answered'],
        rows: [
          ...q.options.map((o, i) => ({ label: o.label, cells: [`${base}.o${i}`, (x: Suppressed) => percentCell(x, `${base}.o${i}`, `${base}.answered`)] })),
          { label: 'Answered the question', cells: [`${base}.answered`, () => DASH], isTotal: true },
        ],
      }),
      note: q.allowMultiple ? 'Children could choose more than one answer.' : null,
    });
  }

  // ---- suppress everything at once, then print ----------------------------------------------------
  // When a figure must be withheld to protect another, withhold the least useful one: the cohort
  // headline last, then persistent absence, then figures for looked-after children (the statutory
  // focus) before totals and previously looked-after figures.
  for (const k of sys.entries.keys()) {
    if (sys.entries.get(k)!.hidden) continue;
    if (/^cohort\.(CLA|PLAC|total)$/.test(k)) sys.weigh(k, 4);
    else if (/^(att\.pa|att\.recorded|cla12\.recorded)\./.test(k) || k === 'cla12.recorded') sys.weigh(k, k.endsWith('.CLA') || k.startsWith('cla12') ? 3 : 2);
    else if (k.endsWith('.CLA')) sys.weigh(k, 1);
  }
  const s = new Suppressed(sys, suppress(sys));
  opts.inspect?.(sys, s.outcome);
  const tables = new Map(specs.map((t) => [t.id, renderTable(s, t)]));
  const table = (id: string) => tables.get(id)!;

  const ours = (label: string, c: ReportCell) => ({ label, cell: c });
  const comparison = (measure: ReportMeasure, o: { label: string; cell: ReportCell }[], note: string | null = null): Comparison => ({
    measure, label: REPORT_MEASURES[measure].label, unit: REPORT_MEASURES[measure].unit, ours: o,
    school: REPORT_MEASURES[measure].school ? figures.get(measure) ?? null : null, benchmark: benchmarkFor(measure), note,
  });
  const rate = (num: string, den: string) => (x: Suppressed) => percentCell(x, num, den);

  const attendanceComparisons = [
    comparison('attendance_percent', [
      ours('Our looked-after children', groupFigure(s, 'att.recorded.CLA', attendanceOf.CLA, pct1)),
      ours('All our children', groupFigure(s, 'att.recorded.total', attendanceOf.total, pct1)),
    ]),
    comparison('persistent_absence_percent', [
      ours('Our looked-after children', rate('att.pa.CLA', 'att.recorded.CLA')(s)),
      ours('Looked after 12 months or more', rate('cla12.pa', 'cla12.recorded')(s)),
      ours('All our children', rate('att.pa.total', 'att.recorded.total')(s)),
    ]),
  ];
  const per100 = (num: string, den: string): ReportCell => {
    const p = s.percent(num, den);
    return { text: p.value === null ? p.text : p.value.toFixed(1), value: p.value, suppressed: p.value === null && p.text !== '–' ? 'secondary' : null };
  };
  const exclusionComparisons = [
    comparison('suspension_rate', [ours('Our looked-after children', per100('susp.count.CLA', 'cohort.CLA')), ours('All our children', per100('susp.count.total', 'cohort.total'))]),
    comparison('pupils_suspended_percent', [ours('Our looked-after children', rate('susp.children.CLA', 'cohort.CLA')(s)), ours('All our children', rate('susp.children.total', 'cohort.total')(s))]),
    comparison('permanent_exclusion_rate', [ours('All our children', per100('perm.count.total', 'cohort.total'))]),
  ];
  const attainmentComparisons = [
    comparison('ks2_rwm_expected_percent', [ours('Our looked-after children', rate('ks2.all.CLA', 'ks2.with.CLA')(s)), ours('All our children', rate('ks2.all.total', 'ks2.with.total')(s))],
      'Ours: the expected standard in every KS2 subject recorded (reading and maths, and writing where recorded).'),
    comparison('ks2_reading_expected_percent', [ours('All our children', rate('ks2.reading.total', 'ks2.with.total')(s))]),
    comparison('ks2_maths_expected_percent', [ours('All our children', rate('ks2.maths.total', 'ks2.with.total')(s))]),
    comparison('ks4_attainment8', [ours('Our looked-after children', groupFigure(s, 'ks4.a8.CLA', meanA8('CLA'), (v) => v.toFixed(1))), ours('All our children', groupFigure(s, 'ks4.a8.total', meanA8('total'), (v) => v.toFixed(1)))]),
    comparison('ks4_english_maths_4plus_percent', [ours('Our looked-after children', rate('ks4.4plus.CLA', 'ks4.with.CLA')(s)), ours('All our children', rate('ks4.4plus.total', 'ks4.with.total')(s))]),
    comparison('ks4_english_maths_5plus_percent', [ours('All our children', rate('ks4.5plus.total', 'ks4.with.total')(s))]),
  ];

  // Notes on sources and methods.
  notes.push(`The cohort is every looked-after and previously looked-after child on roll at some point between ${formatDate(y.start_date)} and ${formatDate(facts.upTo)}${facts.upTo < y.end_date ? ' (the year so far)' : ''}, in the year group they were in that year.`);
  notes.push('Attendance is sessions present out of sessions possible, from the attendance periods recorded for the year.');
  notes.push('National indicator: children looked after continuously for 12 months or more at 31 March, with attendance recorded; days missed are (possible − present sessions) ÷ 2.');
  for (const b of benchmarks) notes.push(`${b.measureLabel}: national figures for ${b.dataYear}, ${b.source}${b.isDefault ? ' (default from reference data; check for newer figures)' : ''}.`);
  const missingSchool = ['attendance_percent', 'persistent_absence_percent'].filter((m) => !figures.has(m));
  if (missingSchool.length) notes.push('Whole-school figures not entered for this year are shown as –.');
  const source = register.one(qb.selectFrom('report_years').select('school_figures_source').where('academic_year_id', '=', y.id))?.school_figures_source;
  if (source) notes.push(`Whole-school figures: ${source}.`);

  const narrative = narrativeSections(register, y);
  const training = trainingEntries(register, y).map(({ id: _id, ...t }) => t);
  const risks = riskSummary(register, today);
  const builtIn = narrative.filter((n) => n.key !== 'custom');
  const report: GovernorsReport = {
    academicYear: { label: y.label, startDate: y.start_date, endDate: y.end_date },
    school: { name: settings.name, headteacher: settings.headteacher, designatedGovernor: settings.designatedGovernor, designatedTeacher: settings.dtName },
    asOf: facts.upTo,
    suppression: { threshold: SUPPRESS_BELOW, note: SUPPRESSION_NOTE, withheld: [...s.outcome.status.values()].some((v) => v === 'small' || v === 'secondary') },
    cohort: {
      total: s.count('cohort.total'), lookedAfter: s.count('cohort.CLA'), previouslyLookedAfter: s.count('cohort.PLAC'),
      byYearGroup: table('cohort.year'), byLocalAuthority: table('cohort.la'), bySen: table('cohort.sen'), placArrangements: table('cohort.plac'),
      movement: table('cohort.movement'),
    },
    attendance: {
      bands: table('attendance.bands'),
      summary: table('attendance.summary'),
      comparisons: attendanceComparisons,
      nationalIndicator: {
        eligible: s.count('cla12.recorded'), missed25: s.count('cla12.missed25'), percent: rate('cla12.missed25', 'cla12.recorded')(s),
        benchmark: benchmarkFor('missed_25_days_percent'),
        note: 'Children looked after continuously for 12 months or more at 31 March who missed 25 or more school days in the year.',
      },
    },
    exclusions: { table: table('exclusions'), comparisons: exclusionComparisons },
    attainment: {
      ks2: table('attainment.ks2'), ks4: table('attainment.ks4'), progress: table('attainment.progress'), comparisons: attainmentComparisons,
    },
    peps: pep.render(s, tables),
    ppPlus: pp.render(s, tables),
    interventions: { byKind: table('interventions.kind'), costs: table('interventions.costs') },
    survey: {
      responses: s.count('survey.responses'),
      questions: surveySpecs.map((q) => ({ prompt: q.prompt, topic: q.topic, table: table(q.spec.id), note: q.note })),
      note: 'Answers were recorded by the Designated Teacher with each child who took part. Counts of fewer than 5 are not shown.',
    },
    training,
    risks,
    narrative: [
      ...builtIn.filter((n) => n.key !== 'priorities').map((n) => ({ key: n.key, title: n.title, body: n.body })),
      ...narrative.filter((n) => n.key === 'custom').map((n) => ({ key: n.key, title: n.title, body: n.body })),
      ...builtIn.filter((n) => n.key === 'priorities').map((n) => ({ key: n.key, title: n.title, body: n.body })),
    ],
    notes,
    warnings: [],
  };
  report.warnings = scanForPersonalData(register, report);
  return report;
}

const DASH_FN = (): ReportCell => DASH;

function schoolCell(figures: Map<string, number>, m: ReportMeasure): ReportCell {
  const v = figures.get(m);
  return v === undefined ? DASH : cell(REPORT_MEASURES[m].unit === '%' ? pct1(v) : v.toFixed(1), v);
}

function benchmarkView(b: Benchmark): BenchmarkView {
  return {
    claValue: b.claValue, claLabel: BENCHMARK_GROUPS[b.claGroup], comparisonValue: b.comparisonValue, comparisonLabel: BENCHMARK_GROUPS[b.comparisonGroup],
    dataYear: b.dataYear, source: b.source, isDefault: b.isDefault,
  };
}

/** The year-group counts a KS table refers to, when that year group is outside the cohort's range. */
function ensureYearCounts(sys: CountSystem, yg: number, kids: ChildFacts[]): void {
  if (sys.entries.has(`yg.${yg}.total`)) return;
  statusCounts(sys, `cohort.yg${yg}`, `yg.${yg}`, kids, (c) => (c.yearGroup === yg ? 1 : 0));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function fmtDays(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

