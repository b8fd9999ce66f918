// "Start an intervention in one step" from a progress flag (issue 5): a pre-filled, unsaved
// createIntervention input for a child's subject in an assessment window. The UI shows it in the
// intervention form; saving it is createIntervention. Pre-filled:
//   kind        small-group English / maths for those subjects, else 1:1 tuition
//   deliveredBy the subject teacher on the return (else the subject leader)
//   dates       from today for 30 school days (about a half term), 6 sessions planned (weekly)
//   funding     PP+ for a looked-after child marked PP+ eligible, else the school
//   baseline    the window's predicted (else current) grade; outcome: the grade at the next window

import { NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { InterventionDraft, InterventionKind } from '../../api/contract/interventions.ts';
import { loadSchoolCalendar } from '../calendar/index.ts';
import { requireEditableChild } from '../children/guard.ts';
import { displayName } from '../alerts/types.ts';
import { flagFor, loadChildren, loadScales, loadWindow, scaleIdFor, stepsFromTarget, yearGroupOf } from '../progress/common.ts';

export const DRAFT_SCHOOL_DAYS = 30;
export const DRAFT_SESSIONS = 6;

export function kindForSubject(subjectName: string): InterventionKind {
  if (/english|literacy|reading/i.test(subjectName)) return 'small_group_english';
  if (/math|numeracy/i.test(subjectName)) return 'small_group_maths';
  return 'tuition_1to1';
}

export function startInterventionFromBelowTarget(
  register: Register, input: { childId: number; subjectId: number; windowId: number }, today: string,
): InterventionDraft {
  const child = requireEditableChild(register, input.childId);
  const subject = register.one(qb.selectFrom('subjects').selectAll().where('id', '=', input.subjectId));
  if (!subject) throw new NotFoundError('That subject');
  const w = loadWindow(register, input.windowId);
  const ret = register.one(qb.selectFrom('progress_returns').leftJoin('teachers', 'teachers.id', 'progress_returns.teacher_id')
    .select(['progress_returns.current_grade', 'progress_returns.target_grade', 'progress_returns.predicted_grade', 'teachers.name as teacher_name'])
    .where('window_id', '=', input.windowId).where('child_id', '=', input.childId).where('subject_id', '=', input.subjectId));
  if (!ret) throw new NotFoundError(`A ${subject.name} progress return for this child in ${w.name}`);
  const info = loadChildren(register, [input.childId])[0]!;
  const scale = loadScales(register).get(scaleIdFor(w, yearGroupOf(info, w.close_date)))!;
  const g = { current: ret.current_grade, target: ret.target_grade, predicted: ret.predicted_grade };
  const steps = stepsFromTarget(scale, g);
  const cal = loadSchoolCalendar(register);
  const start = cal.addSchoolDays(today, 0);
  const active = register.one(qb.selectFrom('interventions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('child_id', '=', input.childId).where('subject_id', '=', input.subjectId).where('start_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)])))?.n ?? 0;
  const baseline = g.predicted ?? g.current;
  return {
    input: {
      childId: input.childId,
      kind: kindForSubject(subject.name),
      kindOther: null,
      providerId: null,
      deliveredBy: ret.teacher_name ?? subject.leader_name ?? null,
      subjectId: input.subjectId,
      startDate: start,
      endDate: cal.addSchoolDays(start, DRAFT_SCHOOL_DAYS),
      sessionsPlanned: DRAFT_SESSIONS,
      costPence: 0,
      fundingSource: child.status === 'CLA' && child.pp_plus_eligible === 1 ? 'pp_plus' : 'school',
      baselineMeasure: `${subject.name} ${g.predicted ? 'predicted' : 'current'} grade at ${w.name} (${scale.name})`,
      baselineValue: baseline,
      outcomeMeasure: `${subject.name} grade at the next assessment window${g.target ? ` (target ${g.target})` : ''}`,
      outcomeValue: null,
      impactRating: 'not_assessed',
      evidenceNote: null,
    },
    source: {
      childName: displayName(child), subjectName: subject.name, windowName: w.name, ...g, steps, flag: flagFor(steps), activeInterventions: active,
    },
  };
}
