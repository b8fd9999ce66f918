// Demo data for the survey and the governors' report: survey responses for most children each year
// (the default questions exist from migration 6), whole-school figures, confirmed benchmarks for
// past years (the reference defaults, never invented national figures), staff training and the
// DT's narrative. Fictitious, no personal names (staff appear by role), deterministic from the seed
// and `today`; never reads the clock. Call after the demo children and calendar exist.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import { addDays, daysBetween } from '../demo/dates.ts';
import { Rng } from '../demo/prng.ts';
import { listSurveyQuestions } from '../survey/questions.ts';
import { defaultBenchmarks } from './benchmarkDefaults.ts';
import { onRollDuring } from './year.ts';

export interface DemoReportSummary { responses: number; trainingEntries: number; years: number }

const TRAINING = [
  { title: 'Attachment and trauma-informed practice in the classroom', audience: 'All teaching staff', by: 'Virtual School educational psychologist' },
  { title: 'Children in care and previously looked-after children: roles and responsibilities', audience: 'New staff induction', by: 'Designated Teacher' },
  { title: 'Personal Education Plans: writing SMART targets', audience: 'Heads of year and tutors', by: 'Virtual School adviser' },
  { title: 'Using Pupil Premium Plus well', audience: 'Senior leadership team', by: 'Designated Teacher' },
  { title: 'Emotion coaching', audience: 'Teaching assistants', by: 'Local authority inclusion team' },
  { title: 'The governors\' role for looked-after children', audience: 'Governing board', by: 'Designated Teacher' },
  { title: 'Supporting transitions for children in care', audience: 'Year 6 and Year 7 teams', by: 'Virtual School adviser' },
];

const COMMENTS = [
  'More clubs at lunchtime would help.',
  'I like it when teachers explain things again quietly.',
  'Sometimes the corridors are too busy.',
  'I would like more time with my key adult.',
  'Homework club helps me a lot.',
  'I want to try the football team next year.',
];

const NARRATIVE: Record<string, (label: string) => string> = {
  summary: (l) => `This report sets out how the school supported its looked-after and previously looked-after children in ${l}. `
    + 'Attendance improved for most children, and the Virtual Schools rated our Personal Education Plans well. '
    + 'Persistent absence remains the main concern, and is the first of next year\'s priorities.',
  cohort: () => 'The cohort changed during the year, with children joining from several local authorities. '
    + 'Each child new to the school had a transition meeting with their key adult in their first fortnight.',
  attendance: () => 'Children with attendance below 90% have an attendance plan agreed with their carers and social worker, '
    + 'reviewed half-termly. Where attendance fell below 85%, a PEP review was brought forward.',
  exclusions: () => 'Every suspension was reported to the Virtual School and social worker on the day, and each child had a reintegration meeting. '
    + 'We continue to use alternatives to suspension where it is safe to do so.',
  attainment: () => 'Results are compared with national figures for children looked after, which are shown with their year and source. '
    + 'With small numbers, a single child\'s result moves a percentage a long way, so figures should be read with care.',
  ppplus: () => 'Pupil Premium Plus funded small-group tuition, mentoring and Education Support Worker sessions, agreed in each child\'s PEP.',
  pupil_voice: () => 'Children told us that a trusted adult and a calm place to go matter most to them. '
    + 'Several asked for more clubs at lunchtime, which we will offer from the autumn term.',
  priorities: () => '- Reduce persistent absence among looked-after children, with attendance plans reviewed every half term.\n'
    + '- Make sure every initial PEP is held within the statutory timescale.\n'
    + '- Extend lunchtime clubs, as children asked in the survey.\n'
    + '- Deliver attachment-aware training to all new staff.',
};

export function seedDemoReport(register: Register, opts: { seed: number; today: string }): DemoReportSummary {
  const rng = new Rng(opts.seed).fork('report');
  const { today } = opts;
  const stamp = `${today}T09:00:00.000Z`;
  const summary: DemoReportSummary = { responses: 0, trainingEntries: 0, years: 0 };
  const years = register.all(qb.selectFrom('academic_years').selectAll().orderBy('start_date'));
  const questions = listSurveyQuestions(register);
  const children = register.all(qb.selectFrom('children').select(['id', 'date_joined_school', 'leaving_date']).orderBy('id'));

  register.transaction(() => {
    years.forEach((y, i) => {
      if (y.start_date > today) return;
      const current = y.end_date >= today;
      const yr = rng.fork(y.label);
      summary.years++;

      // ---- survey: answered in the summer term (or so far this year), by most children on roll then.
      const from = current ? addDays(y.start_date, 21) : `${y.end_date.slice(0, 4)}-05-01`;
      const to = current ? addDays(today, -1) : `${y.end_date.slice(0, 4)}-07-15`;
      if (from <= to) {
        for (const c of children) {
          const answeredOn = addDays(from, yr.int(0, Math.max(0, daysBetween(from, to))));
          if (!onRollDuring(c, { start_date: answeredOn, end_date: answeredOn }) || !yr.chance(current ? 0.45 : 0.8)) continue;
          const responseId = register.run(qb.insertInto('survey_responses').values({
            child_id: c.id, academic_year_id: y.id, answered_on: answeredOn, entered_by: 'Designated Teacher', created_at: stamp, updated_at: stamp,
          })).lastInsertRowid;
          summary.responses++;
          const mood = yr.float(); // some children are happier than others, consistently across questions
          for (const q of questions) {
            if (yr.chance(0.06)) continue; // chose not to answer
            const row = { response_id: responseId, question_id: q.id, scale_value: null as number | null, yes_no: null as number | null, choices: null as string | null, text_value: null as string | null };
            if (q.answerType === 'scale') row.scale_value = Math.min(5, Math.max(1, Math.round(2.2 + mood * 3 + yr.normal(0, 0.6))));
            else if (q.answerType === 'yes_no') row.yes_no = yr.chance(0.55 + mood * 0.4) ? 1 : 0;
            else if (q.answerType === 'choice') {
              const options = q.choices!;
              const picks = q.allowMultiple ? yr.shuffle(options).slice(0, yr.int(1, 3)) : [yr.pick(options)];
              row.choices = JSON.stringify(options.filter((o) => picks.includes(o)));
            } else {
              if (!yr.chance(0.5)) continue;
              row.text_value = yr.pick(COMMENTS);
            }
            register.run(qb.insertInto('survey_answers').values(row));
          }
        }
      }

      // ---- whole-school figures (as the school's MIS would give them).
      register.run(qb.insertInto('report_years').values({
        academic_year_id: y.id, school_figures_source: `MIS summary, ${current ? 'year to date' : 'end of summer term'}`,
        benchmarks_customised: current ? 0 : 1, updated_at: stamp,
      }));
      const figures: Record<string, number> = {
        attendance_percent: round1(93.2 + yr.float() * 1.8),
        persistent_absence_percent: round1(14 + yr.float() * 6),
        suspension_rate: round1(6 + yr.float() * 5),
        pupils_suspended_percent: round1(2.5 + yr.float() * 2),
        permanent_exclusion_rate: round1(yr.float() * 0.2),
        ks2_rwm_expected_percent: round1(58 + yr.float() * 10),
        ks4_attainment8: round1(44 + yr.float() * 6),
        ks4_english_maths_4plus_percent: round1(62 + yr.float() * 10),
        ks4_english_maths_5plus_percent: round1(42 + yr.float() * 10),
      };
      for (const [measure, value] of Object.entries(figures)) register.run(qb.insertInto('report_school_figures').values({ academic_year_id: y.id, measure, value }));

      // ---- benchmarks: past years confirmed as the reference defaults; the current year still on defaults.
      if (!current) {
        for (const b of defaultBenchmarks()) {
          register.run(qb.insertInto('report_benchmarks').values({
            academic_year_id: y.id, measure: b.measure, cla_value: b.claValue, cla_group: b.claGroup, comparison_value: b.comparisonValue,
            comparison_group: b.comparisonGroup, data_year: b.dataYear, source: b.source,
          }));
        }
      }

      // ---- training delivered.
      const picks = yr.shuffle(TRAINING).slice(0, current ? 2 : yr.int(3, 4));
      const span = Math.max(1, daysBetween(y.start_date, current ? today : y.end_date) - 30);
      for (const t of picks) {
        const on = addDays(y.start_date, 10 + yr.int(0, span));
        if (on >= today) continue;
        register.run(qb.insertInto('report_training').values({
          academic_year_id: y.id, delivered_on: on, title: t.title, audience: t.audience, delivered_by: t.by,
          attendees: yr.int(8, 60), notes: null, created_at: stamp, updated_at: stamp,
        }));
        summary.trainingEntries++;
      }

      // ---- the DT's narrative: complete for past years, begun for the current one.
      const keys = current ? ['summary', 'priorities'] : Object.keys(NARRATIVE);
      for (const key of keys) {
        register.run(qb.insertInto('report_narratives').values({ academic_year_id: y.id, section_key: key, body: NARRATIVE[key]!(y.label), updated_at: stamp }));
      }
      if (!current && i === years.length - 2) {
        register.run(qb.insertInto('report_narratives').values({
          academic_year_id: y.id, section_key: 'custom', title: 'Working with Virtual Schools', position: 1, updated_at: stamp,
          body: 'We met each Virtual School termly. Their advisers joined PEP meetings for children new to care, and their training was well received.',
        }));
      }
    });
  });
  return summary;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
