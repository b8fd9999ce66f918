// Survey questions: configurable and ordered. A question somebody has answered keeps its meaning:
// it can be reworded and retired, and choice options can be added, but its answer type cannot
// change and an option that has been chosen cannot be removed or renamed.

import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { ConflictError, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { SurveyQuestionsTable } from '../../../db/schema.ts';
import type { SurveyQuestion, surveyQuestionInput } from '../../api/contract.ts';

type QuestionInput = z.output<typeof surveyQuestionInput>;
export type QuestionRow = Selectable<SurveyQuestionsTable>;

export function toQuestion(q: QuestionRow, answered: number): SurveyQuestion {
  return {
    id: q.id,
    position: q.position,
    topic: q.topic,
    prompt: q.prompt,
    helpText: q.help_text,
    answerType: q.answer_type,
    scaleLabels: q.scale_labels === null ? null : (JSON.parse(q.scale_labels) as string[]),
    choices: q.choices === null ? null : (JSON.parse(q.choices) as string[]),
    allowMultiple: q.allow_multiple === 1,
    active: q.active === 1,
    answered,
  };
}

function answeredCounts(register: Register): Map<number, number> {
  const rows = register.all(qb.selectFrom('survey_answers').select(['question_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('question_id'));
  return new Map(rows.map((r) => [r.question_id, r.n]));
}

export function listSurveyQuestions(register: Register, opts: { includeRetired?: boolean } = {}): SurveyQuestion[] {
  let q = qb.selectFrom('survey_questions').selectAll().orderBy('position').orderBy('id');
  if (!opts.includeRetired) q = q.where('active', '=', 1);
  const counts = answeredCounts(register);
  return register.all(q).map((r) => toQuestion(r, counts.get(r.id) ?? 0));
}

/** Choice options already chosen in some answer to the question. */
function chosenOptions(register: Register, questionId: number): Set<string> {
  const rows = register.all(qb.selectFrom('survey_answers').select('choices').where('question_id', '=', questionId).where('choices', 'is not', null));
  return new Set(rows.flatMap((r) => JSON.parse(r.choices!) as string[]));
}

export function saveSurveyQuestion(register: Register, input: QuestionInput): SurveyQuestion[] {
  const now = new Date().toISOString();
  register.transaction(() => {
    const values = {
      topic: input.topic,
      prompt: input.prompt,
      help_text: input.helpText ?? null,
      answer_type: input.answerType,
      scale_labels: input.scaleLabels ? JSON.stringify(input.scaleLabels) : null,
      choices: input.choices ? JSON.stringify(input.choices) : null,
      allow_multiple: input.allowMultiple ? 1 : 0,
      active: input.active === false ? 0 : 1,
      updated_at: now,
    };
    if (input.id) {
      const existing = register.one(qb.selectFrom('survey_questions').selectAll().where('id', '=', input.id));
      if (!existing) throw new NotFoundError('That survey question');
      const answered = answeredCounts(register).get(input.id) ?? 0;
      if (answered > 0) {
        if (existing.answer_type !== input.answerType) {
          throw new ConflictError('Children have already answered this question, so its type of answer cannot change. Retire it and add a new question instead.');
        }
        if (existing.allow_multiple === 1 && !input.allowMultiple) {
          const multi = register.all(qb.selectFrom('survey_answers').select('choices').where('question_id', '=', input.id).where('choices', 'is not', null))
            .some((r) => (JSON.parse(r.choices!) as string[]).length > 1);
          if (multi) throw new ConflictError('Some children chose more than one option, so this question must keep allowing several answers.');
        }
        const kept = new Set(input.choices ?? []);
        const lost = [...chosenOptions(register, input.id)].filter((c) => !kept.has(c));
        if (lost.length) {
          throw InvalidError.field('choices', `Children have chosen "${lost[0]!.slice(0, 60)}", so that option cannot be removed or renamed. Add new options instead.`);
        }
      }
      register.run(qb.updateTable('survey_questions').set(values).where('id', '=', input.id));
      register.audit({ action: 'update', recordType: 'survey_question', recordId: input.id });
    } else {
      const last = register.one(qb.selectFrom('survey_questions').select((eb) => eb.fn.max('position').as('p')));
      const id = register.run(qb.insertInto('survey_questions').values({ ...values, position: (last?.p ?? 0) + 1, created_at: now })).lastInsertRowid;
      register.audit({ action: 'create', recordType: 'survey_question', recordId: id });
    }
  });
  return listSurveyQuestions(register, { includeRetired: true });
}

export function deleteSurveyQuestion(register: Register, id: number): SurveyQuestion[] {
  register.transaction(() => {
    if (!register.one(qb.selectFrom('survey_questions').select('id').where('id', '=', id))) throw new NotFoundError('That survey question');
    if ((answeredCounts(register).get(id) ?? 0) > 0) {
      throw new ConflictError('Children have answered this question, so it cannot be deleted. Retire it instead: its answers are kept and it is no longer asked.');
    }
    register.run(qb.deleteFrom('survey_questions').where('id', '=', id));
    renumber(register);
    register.audit({ action: 'delete', recordType: 'survey_question', recordId: id });
  });
  return listSurveyQuestions(register, { includeRetired: true });
}

export function reorderSurveyQuestions(register: Register, ids: number[]): SurveyQuestion[] {
  register.transaction(() => {
    const all = register.all(qb.selectFrom('survey_questions').select('id')).map((r) => r.id);
    if (new Set(ids).size !== ids.length || ids.length !== all.length || !all.every((i) => ids.includes(i))) {
      throw InvalidError.field('ids', 'Give every question exactly once, in the new order.');
    }
    ids.forEach((qid, i) => register.run(qb.updateTable('survey_questions').set({ position: i + 1 }).where('id', '=', qid)));
    register.audit({ action: 'update', recordType: 'survey_questions', recordId: 'order' });
  });
  return listSurveyQuestions(register, { includeRetired: true });
}

function renumber(register: Register): void {
  const rows = register.all(qb.selectFrom('survey_questions').select('id').orderBy('position').orderBy('id'));
  rows.forEach((r, i) => register.run(qb.updateTable('survey_questions').set({ position: i + 1 }).where('id', '=', r.id)));
}
