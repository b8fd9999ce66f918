// Survey responses: one set per child per academic year, entered by the DT with the child. Saving
// replaces the child's answers for that year; a question left out is "not answered". Audited against
// the child (type and id only), so the child's activity and subject access export show it.

import type { z } from 'zod';
import { ConflictError, type FieldIssue, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type {
  saveSurveyResponseInput, SurveyAnswer, SurveyChildRow, SurveyResponse, SurveyResponseForm, SurveyYear,
} from '../../api/contract.ts';
import { yearGroup, yearGroupLabel } from '../../api/contract/yearGroup.ts';
import { childAuditRef } from '../children/audit.ts';
import { loadChild, requireEditableChild, touchChild } from '../children/guard.ts';
import { loadYear, onRollDuring, type YearRow } from '../report/year.ts';
import { listSurveyQuestions } from './questions.ts';

type ResponseInput = z.output<typeof saveSurveyResponseInput>;

const displayName = (c: { preferred_name: string | null; legal_first_name: string; legal_last_name: string }): string =>
  `${c.preferred_name?.trim() || c.legal_first_name} ${c.legal_last_name}`;

function loadResponse(register: Register, childId: number, y: YearRow): SurveyResponse | null {
  const r = register.one(qb.selectFrom('survey_responses').selectAll().where('child_id', '=', childId).where('academic_year_id', '=', y.id));
  if (!r) return null;
  const answers = register.all(qb.selectFrom('survey_answers').selectAll().where('response_id', '=', r.id).orderBy('question_id'));
  return {
    id: r.id,
    childId,
    academicYearLabel: y.label,
    answeredOn: r.answered_on,
    enteredBy: r.entered_by,
    answers: answers.map((a): SurveyAnswer => ({
      questionId: a.question_id,
      scale: a.scale_value,
      yesNo: a.yes_no === null ? null : a.yes_no === 1,
      choices: a.choices === null ? null : (JSON.parse(a.choices) as string[]),
      text: a.text_value,
    })),
    updatedAt: r.updated_at,
  };
}

export function getSurveyResponse(register: Register, childId: number, year: string): SurveyResponseForm {
  const y = loadYear(register, year);
  const c = loadChild(register, childId);
  const response = loadResponse(register, childId, y);
  const answered = new Set(response?.answers.map((a) => a.questionId) ?? []);
  return {
    childId,
    childName: displayName(c),
    yearGroupLabel: yearGroupLabel(yearGroup(c.date_of_birth, y.start_date, c.year_group_offset)),
    academicYearLabel: y.label,
    questions: listSurveyQuestions(register, { includeRetired: true }).filter((q) => q.active || answered.has(q.id)),
    response,
  };
}

export function getSurveyYear(register: Register, year: string): SurveyYear {
  const y = loadYear(register, year);
  const responses = new Map(register.all(qb.selectFrom('survey_responses').select(['child_id', 'answered_on']).where('academic_year_id', '=', y.id))
    .map((r) => [r.child_id, r.answered_on]));
  const children = register.all(qb.selectFrom('children').selectAll().orderBy('legal_last_name').orderBy('legal_first_name').orderBy('id'))
    .filter((c) => onRollDuring(c, y))
    .map((c): SurveyChildRow => {
      const yg = yearGroup(c.date_of_birth, y.start_date, c.year_group_offset);
      return {
        childId: c.id, name: displayName(c), yearGroup: yg, yearGroupLabel: yearGroupLabel(yg), status: c.status,
        left: c.leaving_date !== null && c.leaving_date <= y.end_date,
        responded: responses.has(c.id), answeredOn: responses.get(c.id) ?? null,
      };
    });
  return {
    academicYear: { id: y.id, label: y.label, startDate: y.start_date, endDate: y.end_date },
    questions: listSurveyQuestions(register),
    children,
    responses: children.filter((c) => c.responded).length,
  };
}

interface AnswerRow { question_id: number; scale_value: number | null; yes_no: number | null; choices: string | null; text_value: string | null }

/** Checks each answer against its question; answers with no value are dropped (not answered). */
function checkAnswers(register: Register, input: ResponseInput, previouslyAnswered: Set<number>): AnswerRow[] {
  const questions = new Map(listSurveyQuestions(register, { includeRetired: true }).map((q) => [q.id, q]));
  const issues: FieldIssue[] = [];
  const out: AnswerRow[] = [];
  const seen = new Set<number>();
  input.answers.forEach((a, i) => {
    const q = questions.get(a.questionId);
    const at = (field: string, message: string) => issues.push({ path: ['answers', i, field], message });
    if (!q) return at('questionId', 'That question no longer exists. Reload the survey.');
    if (seen.has(q.id)) return at('questionId', 'A question is answered twice.');
    seen.add(q.id);
    if (!q.active && !previouslyAnswered.has(q.id)) return at('questionId', 'That question has been retired and is no longer asked.');
    const given = a.scale != null ? 'scale' : a.yesNo != null ? 'yes_no' : a.choices != null ? 'choice' : a.text != null && a.text !== '' ? 'text' : null;
    if (given === null) return; // not answered
    if (given !== q.answerType) return at(given === 'yes_no' ? 'yesNo' : given === 'choice' ? 'choices' : given, 'That is not the kind of answer this question takes.');
    const row: AnswerRow = { question_id: q.id, scale_value: null, yes_no: null, choices: null, text_value: null };
    if (given === 'scale') row.scale_value = a.scale!;
    if (given === 'yes_no') row.yes_no = a.yesNo ? 1 : 0;
    if (given === 'text') row.text_value = a.text!;
    if (given === 'choice') {
      const chosen = a.choices!;
      const unknown = chosen.find((c) => !q.choices!.includes(c));
      if (unknown !== undefined) return at('choices', 'Choose from the options given.');
      if (new Set(chosen).size !== chosen.length) return at('choices', 'An option is chosen twice.');
      if (!q.allowMultiple && chosen.length > 1) return at('choices', 'Choose one option for this question.');
      row.choices = JSON.stringify(q.choices!.filter((c) => chosen.includes(c)));
    }
    out.push(row);
  });
  if (issues.length) throw new InvalidError(`Please check the answers: ${issues[0]!.message}`, issues);
  return out;
}

export function saveSurveyResponse(register: Register, input: ResponseInput): SurveyResponseForm {
  const y = loadYear(register, input.year);
  const now = new Date().toISOString();
  register.transaction(() => {
    const c = requireEditableChild(register, input.childId);
    if (!onRollDuring(c, y)) throw new ConflictError(`This child was not on roll during ${y.label}, so they cannot answer that year's survey.`);
    if (input.answeredOn < y.start_date || input.answeredOn > y.end_date) {
      throw InvalidError.field('answeredOn', `The date must fall in the academic year ${y.label}.`);
    }
    const existing = register.one(qb.selectFrom('survey_responses').select('id').where('child_id', '=', c.id).where('academic_year_id', '=', y.id));
    const previously = new Set(existing
      ? register.all(qb.selectFrom('survey_answers').select('question_id').where('response_id', '=', existing.id)).map((r) => r.question_id)
      : []);
    const rows = checkAnswers(register, input, previously);
    let responseId: number;
    if (existing) {
      responseId = existing.id;
      register.run(qb.updateTable('survey_responses').set({ answered_on: input.answeredOn, entered_by: input.enteredBy ?? null, updated_at: now }).where('id', '=', responseId));
      register.run(qb.deleteFrom('survey_answers').where('response_id', '=', responseId));
    } else {
      responseId = register.run(qb.insertInto('survey_responses').values({
        child_id: c.id, academic_year_id: y.id, answered_on: input.answeredOn, entered_by: input.enteredBy ?? null, created_at: now, updated_at: now,
      })).lastInsertRowid;
    }
    for (const r of rows) register.run(qb.insertInto('survey_answers').values({ ...r, response_id: responseId }));
    touchChild(register, c.id, now);
    register.audit({ action: existing ? 'update' : 'create', ...childAuditRef(c.id, 'survey_response', responseId) });
  });
  return getSurveyResponse(register, input.childId, input.year);
}

export function deleteSurveyResponse(register: Register, childId: number, year: string): void {
  const y = loadYear(register, year);
  register.transaction(() => {
    requireEditableChild(register, childId);
    const existing = register.one(qb.selectFrom('survey_responses').select('id').where('child_id', '=', childId).where('academic_year_id', '=', y.id));
    if (!existing) throw new NotFoundError('That survey response');
    register.run(qb.deleteFrom('survey_responses').where('id', '=', existing.id));
    touchChild(register, childId);
    register.audit({ action: 'delete', ...childAuditRef(childId, 'survey_response', existing.id) });
  });
}
