// Demo data for PEPs: for each looked-after child on roll, a PEP for each of the last four terms
// (fewer where they joined or came into care later): earlier terms submitted and approved with the
// Virtual School's quality rating (then superseded by the next), targets reviewed at the next PEP
// with outcomes (partly or not met carried forward), one PEP returned with the VS's reason, and
// current-term drafts part-way through (some ready, a few already submitted). One previously
// looked-after child gets the optional plan as a draft. Interventions, if the register has any by
// now, are linked to targets; nothing depends on them.
//
// Deterministic from the seed and `today`; never reads the clock. Written inside generateDemo's
// transaction with no audit entries of its own (the demo records one import). Rows go in through
// prepared statements, so benchmark-sized registers stay quick to build.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { PepSnapshot, PepStatus, PepTermRef } from '../../api/contract/peps.ts';
import { loadSchoolCalendar } from '../calendar/index.ts';
import { addDays, daysBetween } from '../demo/dates.ts';
import { Rng } from '../demo/prng.ts';
import { parseQaScale, ragOf } from './format.ts';
import { buildSnapshot, interventionLabel, loadChildSources, loadLookups, transitionPrefill, voicePrefill } from './snapshot.ts';
import { loadTermCalendar, previousTerm, termLabel } from './terms.ts';

export interface DemoPepSummary { peps: number; targets: number; reviews: number; approved: number; returned: number; drafts: number; plac: number }

interface TargetTemplate { area: string; target: string; success: string | null; who: string | null; pp: number; subject?: string; smart: boolean }

const TARGETS: TargetTemplate[] = [
  { area: 'Maths', subject: 'Maths', target: 'Recall multiplication facts to 12 × 12 quickly and accurately', success: 'Scores at least 45 out of 50 on the weekly times tables check', who: 'Maths teacher', pp: 30000, smart: true },
  { area: 'English', subject: 'English', target: 'Write extended answers in English using paragraphs and accurate punctuation', success: 'Will be able to write a four-paragraph answer with correct full stops and commas in three assessed pieces', who: 'English teacher', pp: 0, smart: true },
  { area: 'Reading', subject: 'English', target: 'Improve reading fluency and comprehension through daily reading with the key adult', success: 'Reading age rises by at least 6 months on the next reading test', who: 'Key adult', pp: 20000, smart: true },
  { area: 'Attendance', target: 'Raise attendance to at least 95% this term', success: 'Attendance of 95% or more on the register at the next PEP', who: 'Designated Teacher', pp: 0, smart: true },
  { area: 'Social, emotional and mental health', target: 'Use the agreed calm-down plan to manage frustration in lessons', success: 'Will be able to use the time-out card without adult prompting, with no more than one behaviour point a week', who: 'Key adult', pp: 0, smart: true },
  { area: 'Science', subject: 'Science', target: 'Revise key science vocabulary before each end-of-unit test', success: 'Achieves grade 5 or above in the next science assessment', who: 'Science teacher', pp: 15000, smart: true },
  { area: 'Independence and organisation', target: 'Complete and hand in homework on time using the planner', success: 'Every homework task handed in on time for six weeks in a row', who: 'Form tutor', pp: 0, smart: true },
  { area: 'Careers and post-16', target: 'Explore post-16 options with the careers adviser and visit two colleges', success: 'Has had a careers interview, visited two college open events and chosen courses to apply for', who: 'Careers adviser', pp: 0, smart: true },
];
const WEAK_TARGETS: TargetTemplate[] = [
  { area: 'Maths', target: 'Try harder in maths', success: null, who: null, pp: 0, smart: false },
  { area: 'Behaviour for learning', target: 'Be more positive about school', success: null, who: 'All staff', pp: 0, smart: false },
];

const CARER_VIEWS = [
  'Settled at home and keen to do well; reading together most evenings. Would like more notice of homework deadlines.',
  'Much happier since the move to this placement. Finds maths homework stressful and would welcome extra help.',
  'Proud of the progress this term. Worried about friendship difficulties at break times.',
  'Good routines at home; attendance has improved. Would like regular updates from the key adult.',
];
const SW_VIEWS = [
  'The care plan is stable and contact arrangements are working well. Supports the targets and the use of PP+ for tuition.',
  'Placement is stable. Education is a priority in the care plan; the social worker will share the updated care plan with school.',
  'Recent changes in contact have been unsettling; school is asked to let the social worker know of any changes in behaviour.',
];
const STRENGTHS = [
  'Creative and enthusiastic in art and drama; kind to younger pupils; good relationships with the key adult.',
  'Determined and hard-working in maths; enjoys football and the after-school club.',
  'Articulate and curious in science; reads widely for pleasure.',
  'Resilient and good-humoured; a reliable member of the school council.',
];
const BARRIERS = [
  'Gaps in early reading from missed schooling; anxiety around tests.',
  'Finds unstructured times difficult; concentration dips after lunch.',
  'Low confidence in writing at length; gaps in times tables.',
  'Tiredness after contact visits; organisation of equipment and homework.',
];
const SEN_NOTES = [
  'The SEN support plan targets for literacy are reflected in target 2; reviewed termly with the SENDCo.',
  'EHC plan outcomes for communication and independence link to the targets; the annual review will take this PEP into account.',
];
const REVIEW_NOTES = {
  met: ['Achieved ahead of the date; evidence in the latest assessment.', 'Met: the teacher reports consistent progress.'],
  partly: ['Good progress but not yet consistent; carried forward.', 'Partly met: more practice needed before the next assessment.'],
  not_met: ['Not met: disrupted by a placement move this term; carried forward with extra support.', 'Not met: attendance dips affected progress.'],
} as const;
const ACTIONS = [
  ['Arrange weekly one-to-one tuition in maths, funded by PP+', 'Designated Teacher'],
  ['Share the PEP targets with all teachers', 'Designated Teacher'],
  ['Check in each morning for the first two weeks of term', 'Key adult'],
  ['Send the updated care plan to school', 'Social worker'],
  ['Book a careers interview', 'Careers adviser'],
  ['Read with the child at least four evenings a week', 'Carer'],
] as const;
const FEEDBACK = [
  'A clear, child-centred plan with well-costed PP+ targets.',
  "Good use of the child's voice. Next time, link each target to the provision that supports it.",
  'Targets are SMART and the review of previous targets is thorough.',
];
const RETURN_REASON = 'Targets 2 and 3 need success criteria that can be measured, and the PP+ request needs costing against the targets. Please amend and resubmit.';

// ---- writing ----------------------------------------------------------------------------------

const STATUS_ORDER: Record<PepStatus, PepStatus[]> = {
  draft: [], ready: ['ready'], submitted: ['ready', 'submitted'], approved: ['ready', 'submitted', 'approved'],
  returned: ['ready', 'submitted', 'returned'], superseded: [],
};

export function seedDemoPeps(register: Register, opts: { seed: number; today: string }): DemoPepSummary {
  // One transaction (a savepoint inside generateDemo's): hundreds of small inserts otherwise each commit.
  return register.transaction(() => seed(register, opts));
}

function seed(register: Register, opts: { seed: number; today: string }): DemoPepSummary {
  const { today } = opts;
  const rng = new Rng(opts.seed).fork('peps');
  const summary: DemoPepSummary = { peps: 0, targets: 0, reviews: 0, approved: 0, returned: 0, drafts: 0, plac: 0 };
  const db = register.sqlite;
  const stamp = `${today}T09:00:00.000Z`;
  const terms = loadTermCalendar(register);
  const cal = loadSchoolCalendar(register);
  const look = loadLookups(register);
  const current = terms.termFor(today);
  // The current term and the three before it, where the calendar has them.
  const history: PepTermRef[] = [current];
  while (history.length < 4 && terms.period(previousTerm(history[0]!)).configured) history.unshift(previousTerm(history[0]!));

  const insPep = db.prepare(`INSERT INTO peps (child_id, academic_year, term, kind, status, period_start, period_end, meeting_date, child_voice,
    child_voice_reason, carer_views, social_worker_views, strengths, barriers, sen_notes, transition_careers, attendance_notes, progress_notes,
    snapshot, snapshot_taken_at, submitted_on, approved_on, returned_on, returned_reason, quality_rating, quality_rag, vs_feedback, created_at, updated_at)
    VALUES (@child_id, @academic_year, @term, @kind, @status, @period_start, @period_end, @meeting_date, @child_voice, @child_voice_reason, @carer_views,
    @social_worker_views, @strengths, @barriers, @sen_notes, @transition_careers, @attendance_notes, @progress_notes, @snapshot, @snapshot_taken_at,
    @submitted_on, @approved_on, @returned_on, @returned_reason, @quality_rating, @quality_rag, @vs_feedback, @created_at, @updated_at)`);
  const insTarget = db.prepare(`INSERT INTO pep_targets (pep_id, position, area, target, success_criteria, by_when, who, pp_plus_pence, carried_from_review_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insReview = db.prepare(`INSERT INTO pep_target_reviews (pep_id, source_target_id, source_label, position, area, target, success_criteria, by_when, who, outcome, note, carry_forward)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insLink = db.prepare('INSERT INTO pep_target_interventions (pep_target_id, intervention_id, label) VALUES (?, ?, ?)');
  const insAction = db.prepare('INSERT INTO pep_actions (pep_id, position, action, owner, due_on, done_on) VALUES (?, ?, ?, ?, ?, ?)');
  const insAttendee = db.prepare('INSERT INTO pep_attendees (pep_id, position, name, role, present) VALUES (?, ?, ?, ?, ?)');
  const insChange = db.prepare('INSERT INTO pep_status_changes (pep_id, from_status, to_status, on_date, note, changed_at) VALUES (?, ?, ?, ?, ?, ?)');
  const supersede = db.prepare("UPDATE peps SET status = 'superseded', superseded_on = ?, superseded_by = ? WHERE id = ?");

  const children = register.all(qb.selectFrom('children').select(['id', 'status', 'date_joined_school', 'date_into_care', 'leaving_date', 'responsible_la_id'])
    .where('leaving_date', 'is', null).orderBy('id'));
  const onRollCla = children.filter((c) => c.status === 'CLA');
  // One child's PEP for last term was returned by the Virtual School.
  const lastTerm = history.length >= 2 ? terms.period(history[history.length - 2]!) : null;
  const returnable = lastTerm ? onRollCla.filter((c) => c.date_joined_school <= addDays(lastTerm.end, -10) && (c.date_into_care === null || c.date_into_care <= lastTerm.end)) : [];
  const returnedChild = returnable.length ? rng.pick(returnable).id : null;
  const placChild = children.find((c) => c.status === 'PLAC')?.id ?? null;
  const schoolDay = (d: string) => cal.addSchoolDays(d, 0);
  const clampToday = (d: string) => (d > today ? today : d);

  for (const c of children) {
    if (c.status !== 'CLA' && c.id !== placChild) continue;
    const r = rng.fork(`child:${c.id}`);
    const src = loadChildSources(register, c.id);
    const scale = parseQaScale(c.responsible_la_id === null ? null : register.one(qb.selectFrom('local_authorities').select('qa_scale').where('id', '=', c.responsible_la_id))?.qa_scale);
    const interventions = src.interventions;
    const terms4 = c.status === 'PLAC' ? [current] : history;
    let prev: { id: number; label: string; targets: { id: number; t: TargetTemplate; byWhen: string | null }[] } | null = null;
    const sentIds: number[] = [];
    const trigger = c.date_into_care !== null && c.date_into_care > c.date_joined_school ? c.date_into_care : c.date_joined_school;

    for (const t of terms4) {
      const period = terms.period(t);
      const isCurrent = t === current;
      if (c.date_joined_school > addDays(period.end, -10)) continue;
      if (c.date_into_care !== null && c.date_into_care > period.end) continue;
      const snapshot: PepSnapshot = buildSnapshot(src, look, t, period, today);
      const len = Math.max(1, daysBetween(period.start, period.end));

      // Meeting and status.
      let meeting: string | null;
      let status: PepStatus;
      if (!isCurrent) {
        meeting = schoolDay(addDays(period.start, Math.round(len * (0.45 + r.float() * 0.3))));
        status = c.id === returnedChild && t === history[history.length - 2] ? 'returned' : 'approved';
      } else if (c.status === 'PLAC') {
        meeting = null;
        status = 'draft';
      } else {
        const elapsed = daysBetween(period.start, today) / len;
        const held = elapsed > 0.3 && r.chance(0.65);
        meeting = held ? schoolDay(addDays(period.start, Math.round(len * 0.25 + r.int(0, 10)))) : r.chance(0.5) ? schoolDay(addDays(period.start, Math.round(len * 0.75))) : null;
        if (meeting !== null && meeting > today && held) meeting = clampToday(meeting);
        status = held && meeting !== null && meeting < today ? r.weighted([['draft', 5], ['ready', 3], ['submitted', 2]] as const) : 'draft';
      }
      // Never before the child was here (and in care) to meet about.
      const earliest = schoolDay(addDays(trigger > period.start ? trigger : period.start, 5));
      if (meeting !== null && meeting < earliest) meeting = earliest;
      if (meeting !== null && meeting > today && status !== 'draft') status = 'draft';
      const heldMeeting = meeting !== null && meeting <= today;
      const full = !isCurrent || (heldMeeting && status !== 'draft') || (heldMeeting && r.chance(0.5));
      const submitted = status === 'approved' || status === 'returned' || status === 'submitted' ? clampToday(cal.addSchoolDays(meeting!, r.int(2, 7))) : null;
      const decided = submitted && (status === 'approved' || status === 'returned') ? clampToday(cal.addSchoolDays(submitted, r.int(4, 12))) : null;
      const rating = decided ? scale[Math.min(scale.length - 1, r.weighted([[0, 3], [1, 5], [2, 2], [3, 1]] as const))]! : null;
      const plac = c.status === 'PLAC';
      const yg = snapshot.child.yearGroup;

      const id: number = Number(insPep.run({
        child_id: c.id, academic_year: t.academicYear, term: t.term, kind: !prev && trigger >= addDays(period.start, -30) ? 'initial' : 'review', status,
        period_start: period.start, period_end: period.end, meeting_date: meeting,
        child_voice: voicePrefill(snapshot) ?? (full ? 'Says school is going well and wants to keep the same key adult next term.' : null),
        child_voice_reason: null,
        carer_views: full || r.chance(0.5) ? r.pick(CARER_VIEWS) : null,
        social_worker_views: !plac && (full || r.chance(0.3)) ? r.pick(SW_VIEWS) : null,
        strengths: full || r.chance(0.6) ? r.pick(STRENGTHS) : null,
        barriers: full || r.chance(0.4) ? r.pick(BARRIERS) : null,
        sen_notes: snapshot.sen.provision !== 'N' && full ? SEN_NOTES[snapshot.sen.provision === 'E' ? 1 : 0]! : null,
        transition_careers: transitionPrefill(snapshot) ?? (yg >= 9 && full ? 'Careers interview held; considering college courses in engineering and sport.' : null),
        attendance_notes: snapshot.attendance.term?.percent != null && snapshot.attendance.term.percent < 90 ? 'Attendance action plan agreed with the carer; weekly check-ins with the key adult.' : null,
        progress_notes: null,
        snapshot: JSON.stringify(snapshot), snapshot_taken_at: stamp,
        submitted_on: submitted, approved_on: status === 'approved' ? decided : null, returned_on: status === 'returned' ? decided : null,
        returned_reason: status === 'returned' ? RETURN_REASON : null,
        quality_rating: rating, quality_rag: rating ? ragOf(scale, rating) : null,
        vs_feedback: decided ? (status === 'returned' ? 'Please see the reason for return.' : r.pick(FEEDBACK)) : null,
        created_at: stamp, updated_at: stamp,
      }).lastInsertRowid);
      summary.peps++;
      if (status === 'approved') summary.approved++;
      if (status === 'returned') summary.returned++;
      if (status === 'draft' || status === 'ready') summary.drafts++;
      if (plac) summary.plac++;

      // Review of the previous PEP's targets; partly / not met carried forward.
      const carried: { reviewId: number; t: TargetTemplate }[] = [];
      if (prev) {
        const reviewed = !isCurrent || heldMeeting;
        prev.targets.forEach((p, i) => {
          const outcome = reviewed ? r.weighted([['met', 5], ['partly', 3], ['not_met', 2]] as const) : null;
          const carry = outcome === 'partly' || outcome === 'not_met';
          const reviewId = Number(insReview.run(id, p.id, prev!.label, i, p.t.area, p.t.target, p.t.success, p.byWhen, p.t.who, outcome,
            outcome ? r.pick(REVIEW_NOTES[outcome]) : null, carry ? 1 : 0).lastInsertRowid);
          summary.reviews++;
          if (carry) carried.push({ reviewId, t: p.t });
        });
      }

      // New targets: carried ones first, then fresh ones (drafts may have a weak one still to fix).
      const byWhen = schoolDay(addDays(period.end, 70));
      const pool = r.shuffle(TARGETS.filter((x) => x.area !== 'Careers and post-16' || yg >= 9));
      const fresh = pool.filter((x) => !carried.some((cf) => cf.t === x)).slice(0, Math.max(1, r.int(2, 4) - carried.length));
      const planned: { t: TargetTemplate; reviewId: number | null }[] = [...carried.map((cf) => ({ t: cf.t, reviewId: cf.reviewId })), ...fresh.map((x) => ({ t: x, reviewId: null }))];
      if (isCurrent && !full && r.chance(0.6)) planned.push({ t: r.pick(WEAK_TARGETS), reviewId: null });
      const made: { id: number; t: TargetTemplate; byWhen: string | null }[] = [];
      planned.forEach((p, i) => {
        const when = p.t.smart ? byWhen : null;
        const tid = Number(insTarget.run(id, i, p.t.area, p.t.target, p.t.success, when, p.t.who, p.t.pp, p.reviewId, stamp, stamp).lastInsertRowid);
        summary.targets++;
        made.push({ id: tid, t: p.t, byWhen: when });
        const iv = p.t.subject ? interventions.find((x) => x.subject_name === p.t.subject && x.start_date <= period.end && (x.end_date === null || x.end_date >= period.start)) : undefined;
        if (iv) insLink.run(tid, iv.id, interventionLabel(iv));
      });

      // Actions and attendees.
      const actionCount = full ? r.int(2, 3) : r.int(0, 2);
      r.shuffle(ACTIONS).slice(0, actionCount).forEach(([action, owner], i) => {
        const due = schoolDay(addDays(meeting ?? period.start, 14 + 7 * i));
        insAction.run(id, i, action, owner, full || r.chance(0.5) ? due : null, !isCurrent ? due : null);
      });
      if (heldMeeting) {
        const people: [string, string][] = [];
        if (look.school.dtName) people.push([look.school.dtName, 'Designated Teacher']);
        people.push([`${snapshot.child.preferredName || snapshot.child.legalFirstName} ${snapshot.child.legalLastName}`, 'Child or young person']);
        if (snapshot.placement?.carerName) people.push([snapshot.placement.carerName, plac ? 'Parent or guardian' : 'Carer']);
        if (snapshot.child.socialWorker.name) people.push([snapshot.child.socialWorker.name, 'Social worker']);
        if (snapshot.child.eswName) people.push([snapshot.child.eswName, 'Education Support Worker']);
        people.forEach(([name, role], i) => insAttendee.run(id, i, name, role, role === 'Social worker' && r.chance(0.2) ? 0 : 1));
      }

      // Status history.
      let from: PepStatus = 'draft';
      for (const to of STATUS_ORDER[status]) {
        const on = to === 'ready' ? (meeting && meeting <= today ? meeting : today) : to === 'submitted' ? submitted! : decided!;
        insChange.run(id, from, to, on, to === 'returned' ? RETURN_REASON : null, `${on}T15:00:00.000Z`);
        from = to;
      }
      if (status === 'submitted' || status === 'approved' || status === 'returned') {
        for (const earlier of sentIds) {
          const prevStatus = (db.prepare('SELECT status FROM peps WHERE id = ?').pluck().get(earlier) as PepStatus);
          if (prevStatus === 'superseded') continue;
          supersede.run(submitted, id, earlier);
          insChange.run(earlier, prevStatus, 'superseded', submitted, null, `${submitted}T15:00:00.000Z`);
        }
      }
      if (submitted) sentIds.push(id);
      prev = { id, label: termLabel(t), targets: made };
    }
  }
  return summary;
}
