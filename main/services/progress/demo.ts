// Demo data for progress returns and the SLA: subjects and leaders, teachers, a timetable for every
// child on roll, the SLA, a tutoring provider with session reports, and three assessment windows a
// year with returns, some of them late and chased. Fictitious people only (example.org addresses).
// Deterministic from the seed and `today`; never reads the clock. Call after the demo children and
// calendar exist (db/demo generateDemo).

import { ConflictError } from '../../../db/errors.ts';
import { Rng } from '../demo/prng.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import { loadSchoolCalendar } from '../calendar/index.ts';
import { ladder } from '../sla/ladder.ts';
import { type ChildInfo, loadChildren, loadScales, yearGroupOf } from './common.ts';

export interface DemoProgressSummary { subjects: number; teachers: number; timetable: number; windows: number; returns: number; late: number; chases: number; providerReports: number }

const mail = (name: string): string => `${name.toLowerCase().replace(/[^a-z ]/g, '').split(' ').join('.')}@example.org`;

const SUBJECTS: { name: string; core: boolean; leader: string; teachers: string[]; code: string }[] = [
  { name: 'English', core: true, leader: 'Harriet Quillfeather', teachers: ['Harriet Quillfeather', 'Desmond Arkwright-Penn'], code: 'En' },
  { name: 'Maths', core: true, leader: 'Priya Callowmere', teachers: ['Priya Callowmere', 'Tobias Fenwickham'], code: 'Ma' },
  { name: 'Science', core: true, leader: 'Marguerite Oduyemi-Stroud', teachers: ['Marguerite Oduyemi-Stroud', 'Callum Strathearnie'], code: 'Sc' },
  { name: 'History', core: false, leader: 'Eleanor Pimmswick', teachers: ['Eleanor Pimmswick'], code: 'Hi' },
  { name: 'Geography', core: false, leader: 'Rafael Mendelowe', teachers: ['Rafael Mendelowe'], code: 'Gg' },
  { name: 'French', core: false, leader: 'Sophie Larkspurr', teachers: ['Sophie Larkspurr'], code: 'Fr' },
  { name: 'Art', core: false, leader: 'Jonah Whitlockley', teachers: ['Jonah Whitlockley'], code: 'Ar' },
  { name: 'Computing', core: false, leader: 'Anita Grewalsby', teachers: ['Anita Grewalsby'], code: 'Co' },
];
const PRIMARY_TEACHERS = ['Molly Brightwaterson', 'Samuel Okonjo-Vale'];
const SENIOR = [{ name: 'Beatrice Hallorant', role: 'Deputy Headteacher' }, { name: 'Victor Asantewell', role: 'Assistant Headteacher' }];

const WWW = [
  'Settled well into the new topic and asks good questions.',
  'Homework is consistently complete and careful.',
  'Strong contributions to group work this half term.',
  'Reading fluency has improved noticeably.',
  'Shows resilience when a task is challenging.',
  'Good recall of key vocabulary in assessments.',
];
const EBI = [
  'Check answers before handing work in.',
  'Use the feedback on extended answers to add more detail.',
  'Ask for help sooner when stuck.',
  'Bring equipment to every lesson.',
  'Revise key facts little and often before assessments.',
  'Show working in full on multi-step questions.',
];

export function seedDemoProgress(register: Register, opts: { seed: number; today: string }): DemoProgressSummary {
  const { today } = opts;
  const rng = new Rng(opts.seed).fork('progress');
  const cal = loadSchoolCalendar(register);
  const stamp = `${today}T09:00:00.000Z`;
  const summary: DemoProgressSummary = { subjects: 0, teachers: 0, timetable: 0, windows: 0, returns: 0, late: 0, chases: 0, providerReports: 0 };

  register.transaction(() => {
    if (register.one(qb.selectFrom('subjects').select('id').limit(1))) {
      throw new ConflictError('Demo progress data can only be added to a register without subjects.');
    }
    // ---- staff and subjects
    const teacherIds = new Map<string, number>();
    const teacher = (name: string, senior = false): number => {
      const existing = teacherIds.get(name);
      if (existing) return existing;
      const id = register.run(qb.insertInto('teachers').values({ name, email: mail(name), is_senior_leader: senior ? 1 : 0 })).lastInsertRowid;
      teacherIds.set(name, id);
      summary.teachers++;
      return id;
    };
    for (const s of SENIOR) teacher(s.name, true);
    const subjects = SUBJECTS.map((s, i) => {
      const id = register.run(qb.insertInto('subjects').values({ name: s.name, is_core: s.core ? 1 : 0, leader_name: s.leader, leader_email: mail(s.leader), sort_order: i })).lastInsertRowid;
      summary.subjects++;
      return { ...s, id, teacherIds: s.teachers.map((t) => teacher(t)) };
    });
    const primary = PRIMARY_TEACHERS.map((t) => teacher(t));
    register.run(qb.updateTable('sla_settings').where('id', '=', 1).set({
      return_due_school_days: 5, escalation_gap_school_days: 3, senior_leader_name: SENIOR[0]!.name, senior_leader_email: mail(SENIOR[0]!.name),
    }));

    // ---- who teaches whom: every child, so past windows have returns for leavers too
    const children = loadChildren(register);
    const assignments = new Map<number, { subjectId: number; teacherId: number; classCode: string }[]>();
    for (const c of children) {
      const r = rng.fork(`child:${c.id}`);
      const y = yearGroupOf(c, today);
      const chosen = y <= 6
        ? subjects.slice(0, 3).map((s) => ({ subjectId: s.id, teacherId: primary[y <= 4 ? 0 : 1]!, classCode: `${y}${r.pick(['K', 'W'])}` }))
        : [...subjects.slice(0, 3), ...r.shuffle(subjects.slice(3)).slice(0, y >= 10 ? 3 : 5)].map((s) => ({
          subjectId: s.id, teacherId: r.pick(s.teacherIds), classCode: `${Math.min(y, 13)}${r.pick(['A', 'B', 'C'])}/${s.code}${r.int(1, 3)}`,
        }));
      assignments.set(c.id, chosen);
      if (c.joined <= today && (c.leaving === null || c.leaving > today)) {
        for (const a of chosen) {
          register.run(qb.insertInto('timetable').values({ child_id: c.id, subject_id: a.subjectId, teacher_id: a.teacherId, class_code: a.classCode }));
          summary.timetable++;
        }
      }
    }

    // ---- windows: three a year, closing seven school days before each term ends (the current
    // term's closed a fortnight ago)
    const scales = [...loadScales(register).values()];
    const scaleId = (name: string) => scales.find((s) => s.name === name)!.id;
    const overrides = [
      ...[3, 4, 5, 6].map((y) => [y, scaleId('KS2 teacher assessment')] as const),
      ...[7, 8, 9].map((y) => [y, scaleId('KS3 flight path')] as const),
      ...[12, 13].map((y) => [y, scaleId('A level')] as const),
    ];
    const terms = register.all(qb.selectFrom('terms').select(['name', 'start_date', 'end_date', 'academic_year_id']).orderBy('start_date'));
    const windows = terms.map((t) => {
      let close = cal.addSchoolDays(t.end_date, -7);
      // The term we are in: its window closed a fortnight ago, so its returns are part-way up the ladder.
      if (t.start_date <= today && today <= t.end_date && cal.addSchoolDays(today, -10) >= t.start_date) close = cal.addSchoolDays(today, -10);
      const id = register.run(qb.insertInto('assessment_windows').values({
        academic_year_id: t.academic_year_id, name: t.name, close_date: close, grade_scale_id: scaleId('GCSE 9–1'),
      })).lastInsertRowid;
      for (const [y, s] of overrides) register.run(qb.insertInto('assessment_window_scales').values({ window_id: id, year_group: y, grade_scale_id: s }));
      summary.windows++;
      return { id, close };
    }).filter((w) => w.close <= today);
    const latest = windows[windows.length - 1];
    const previous = windows[windows.length - 2];

    // ---- returns
    const allScales = loadScales(register);
    const ability = new Map<string, number>();
    for (const w of windows) {
      const requested = cal.addSchoolDays(w.close, -5);
      const due = cal.addSchoolDays(w.close, 5);
      const steps = ladder(cal, due, 3);
      const isLatest = w === latest;
      for (const c of children.filter((ch) => onRollAt(ch, w.close))) {
        const y = yearGroupOf(c, w.close);
        const scale = allScales.get(overrides.find(([oy]) => oy === y)?.[1] ?? scaleId('GCSE 9–1'))!;
        for (const a of assignments.get(c.id) ?? []) {
          const r = rng.fork(`return:${w.id}:${c.id}:${a.subjectId}`);
          const k = `${c.id}:${a.subjectId}:${scale.id}`;
          if (!ability.has(k)) ability.set(k, 0.25 + r.float() * 0.55);
          const top = scale.grades.length - 1;
          const target = Math.round(ability.get(k)! * top);
          const current = clamp(Math.round(target + r.normal(-0.6, 1.3)), 0, top);
          const predicted = clamp(current + r.int(0, 2), 0, top);
          // Latest window: a third still outstanding; the one before: a few never came in (stage 3).
          // Older ones: all in, some late.
          const outstanding = r.chance(isLatest ? 0.33 : w === previous ? 0.04 : 0);
          const lateReturn = !outstanding && r.chance(isLatest ? 0.1 : 0.15);
          let returned: string | null = null;
          if (!outstanding) returned = lateReturn ? cal.addSchoolDays(due, r.int(1, 8)) : cal.addSchoolDays(due, -r.int(0, 4));
          if (returned !== null && returned > today) returned = null;
          const id = register.run(qb.insertInto('progress_returns').values({
            window_id: w.id, child_id: c.id, subject_id: a.subjectId, teacher_id: a.teacherId, class_code: a.classCode,
            requested_on: requested, due_on: due, returned_on: returned,
            target_grade: scale.grades[target]!,
            current_grade: returned ? scale.grades[current]! : null,
            predicted_grade: returned ? scale.grades[predicted]! : null,
            effort: returned ? r.weighted([[1, 3], [2, 4], [3, 2], [4, 1]] as const) : null,
            what_went_well: returned && r.chance(0.7) ? r.pick(WWW) : null,
            even_better_if: returned && r.chance(0.7) ? r.pick(EBI) : null,
            updated_at: stamp,
          })).lastInsertRowid;
          summary.returns++;
          if (returned === null ? today >= steps.stage1On : returned > due) summary.late++;
          // Chases sent at each stage reached before the return came in (or by today); some
          // outstanding returns in the latest window are not chased yet.
          const until = returned ?? today;
          const skipChasing = returned === null && isLatest && r.chance(0.3);
          if (skipChasing) continue;
          for (const [stage, on] of [[1, steps.stage1On], [2, steps.stage2On], [3, steps.stage3On]] as const) {
            if (on > until || on > today || (returned !== null && on >= returned)) break;
            register.run(qb.insertInto('chases').values({
              return_id: id, stage, chased_on: on, reply_by: cal.addSchoolDays(on, 3), batch_id: `demo-${w.id}-${stage}`,
            }));
            summary.chases++;
          }
        }
      }
    }

    // ---- a tutoring provider with weekly session reports over the last ten weeks
    const providerId = register.run(qb.insertInto('providers').values({
      name: 'Brightpath Tutoring (fictitious)', contact_name: 'Nadia Rowntreeby', email: mail('Nadia Rowntreeby'), phone: '01632 960123',
      manager_name: 'Oliver Pembertonne', manager_email: mail('Oliver Pembertonne'), report_due_school_days: 2, escalation_gap_school_days: 3,
    })).lastInsertRowid;
    const tutored = rng.fork('tutored').shuffle(children.filter((c) => onRollAt(c, today) && yearGroupOf(c, today) >= 7)).slice(0, 4);
    for (const c of tutored) {
      const r = rng.fork(`tutoring:${c.id}`);
      for (let week = 10; week >= 1; week--) {
        const session = cal.addSchoolDays(today, -5 * week + r.int(0, 1));
        const due = cal.addSchoolDays(session, 2);
        const recent = week <= 2;
        const received = recent && r.chance(0.6) ? null : cal.addSchoolDays(session, r.chance(0.8) ? r.int(0, 2) : r.int(3, 6));
        const receivedOn = received !== null && received <= today ? received : null;
        const inserted = register.run(qb.insertInto('provider_reports').values({
          provider_id: providerId, child_id: c.id, session_date: session, due_on: due, received_on: receivedOn, notes: null,
        }).onConflict((oc) => oc.doNothing()));
        if (!inserted.changes) continue;
        summary.providerReports++;
        const l = ladder(cal, due, 3);
        if (receivedOn === null && l.stage1On <= today) {
          register.run(qb.insertInto('chases').values({ provider_report_id: inserted.lastInsertRowid, stage: 1, chased_on: l.stage1On, reply_by: cal.addSchoolDays(l.stage1On, 3), batch_id: 'demo-provider-1' }));
          summary.chases++;
        }
      }
    }
  });
  return summary;
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

function onRollAt(c: ChildInfo, date: string): boolean {
  return c.joined <= date && (c.leaving === null || c.leaving > date);
}
