// The pupil experience survey: default questions from the migration, configurable and ordered
// questions that keep their meaning once answered, one response set per child per year (entered
// with the child, checked against each question), aggregated results, audit and subject access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_QUESTIONS } from '../../../../db/migrations/006-survey-report.ts';
import { qb } from '../../../../db/query.ts';
import type { Register } from '../../../../db/register.ts';
import { childLinkedRows } from '../../../../main/services/children/exports.ts';
import {
  deleteSurveyQuestion, deleteSurveyResponse, getSurveyResponse, getSurveyResults, getSurveyYear, listSurveyQuestions, reorderSurveyQuestions,
  saveSurveyQuestion, saveSurveyResponse,
} from '../../../../main/services/survey/index.ts';
import { cleanupTempDirs, createRegister, expectRegisterError, insertChildren } from '../../../helpers/db.ts';

let register: Register;
let kids: number[];
const YEAR = '2025-26';

beforeAll(async () => {
  ({ register } = await createRegister());
  register.transaction(() => {
    register.run(qb.insertInto('academic_years').values({ label: YEAR, start_date: '2025-09-01', end_date: '2026-08-31' }));
    register.run(qb.insertInto('academic_years').values({ label: '2019-20', start_date: '2019-09-01', end_date: '2020-08-31' }));
  });
  kids = insertChildren(register);
});

afterAll(() => {
  register.close();
  cleanupTempDirs();
});

const q = (topic: string) => listSurveyQuestions(register).find((x) => x.topic === topic)!;

describe('survey questions', () => {
  it('has the default set after the migration, in order, covering every topic', () => {
    const list = listSurveyQuestions(register);
    expect(list.map((x) => x.prompt)).toEqual(DEFAULT_SURVEY_QUESTIONS.map((d) => d.prompt));
    expect(list.map((x) => x.position)).toEqual(list.map((_, i) => i + 1));
    expect(new Set(list.map((x) => x.topic))).toEqual(new Set(['learning', 'feedback', 'support', 'safety', 'listened', 'other']));
    expect(new Set(list.map((x) => x.answerType))).toEqual(new Set(['scale', 'yes_no', 'choice', 'text']));
    const safe = q('safety');
    expect(safe).toMatchObject({ answerType: 'scale', scaleLabels: ['Never', 'Rarely', 'Sometimes', 'Mostly', 'Always'], active: true, answered: 0 });
  });

  it('adds, edits, reorders and deletes unanswered questions', () => {
    let list = saveSurveyQuestion(register, { topic: 'other', prompt: 'What is your favourite lesson?', answerType: 'choice', choices: ['Art', 'PE', 'Science'] });
    const added = list.find((x) => x.prompt === 'What is your favourite lesson?')!;
    expect(added.position).toBe(list.length);
    list = saveSurveyQuestion(register, { id: added.id, topic: 'learning', prompt: 'Which lesson do you enjoy most?', answerType: 'choice', choices: ['Art', 'PE', 'Science', 'Music'], allowMultiple: true });
    expect(list.find((x) => x.id === added.id)).toMatchObject({ topic: 'learning', choices: ['Art', 'PE', 'Science', 'Music'], allowMultiple: true });
    const ids = list.map((x) => x.id);
    list = reorderSurveyQuestions(register, [added.id, ...ids.filter((i) => i !== added.id)]);
    expect(list[0]!.id).toBe(added.id);
    expect(list.map((x) => x.position)).toEqual(list.map((_, i) => i + 1));
    list = deleteSurveyQuestion(register, added.id);
    expect(list.some((x) => x.id === added.id)).toBe(false);
    expect(list.map((x) => x.position)).toEqual(list.map((_, i) => i + 1));
    expect(list.map((x) => x.prompt)).toEqual(DEFAULT_SURVEY_QUESTIONS.map((d) => d.prompt));
  });

  it('refuses an incomplete reorder', async () => {
    await expectRegisterError(() => reorderSurveyQuestions(register, [listSurveyQuestions(register)[0]!.id]), 'Invalid');
  });
});

describe('survey responses', () => {
  const answers = () => [
    { questionId: q('learning').id, choices: ['Working on my own', 'Practical, hands-on activities'] },
    { questionId: q('safety').id, scale: 4 },
    { questionId: listSurveyQuestions(register).find((x) => x.answerType === 'yes_no')!.id, yesNo: true },
    { questionId: q('other').id, text: 'More clubs at lunchtime.' },
  ];

  it('saves one set per child per year, replacing it on a second save, and audits it against the child', () => {
    const form = saveSurveyResponse(register, { childId: kids[0]!, year: YEAR, answeredOn: '2026-03-10', enteredBy: 'DT', answers: answers() });
    expect(form.response).toMatchObject({ childId: kids[0], academicYearLabel: YEAR, answeredOn: '2026-03-10', enteredBy: 'DT' });
    expect(form.response!.answers).toHaveLength(4);
    expect(form.response!.answers.find((a) => a.questionId === q('safety').id)).toMatchObject({ scale: 4, yesNo: null, choices: null, text: null });
    // Saving again replaces: one answer left out is now "not answered".
    const again = saveSurveyResponse(register, { childId: kids[0]!, year: YEAR, answeredOn: '2026-03-11', answers: answers().slice(0, 2) });
    expect(again.response!.answers).toHaveLength(2);
    expect(register.sqlite.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(1);
    const audit = register.sqlite.prepare("SELECT action, record_type, record_id FROM audit_log WHERE record_type = 'child.survey_response'").all();
    expect(audit).toEqual([
      { action: 'create', record_type: 'child.survey_response', record_id: `${kids[0]}:${form.response!.id}` },
      { action: 'update', record_type: 'child.survey_response', record_id: `${kids[0]}:${form.response!.id}` },
    ]);
  });

  it('checks each answer against its question', async () => {
    const base = { childId: kids[1]!, year: YEAR, answeredOn: '2026-03-10' };
    await expectRegisterError(() => saveSurveyResponse(register, { ...base, answers: [{ questionId: q('safety').id, yesNo: true }] }), 'Invalid');
    await expectRegisterError(() => saveSurveyResponse(register, { ...base, answers: [{ questionId: q('learning').id, choices: ['Not an option'] }] }), 'Invalid');
    const single = saveSurveyQuestion(register, { topic: 'other', prompt: 'Pick one', answerType: 'choice', choices: ['A', 'B'] }).find((x) => x.prompt === 'Pick one')!;
    await expectRegisterError(() => saveSurveyResponse(register, { ...base, answers: [{ questionId: single.id, choices: ['A', 'B'] }] }), 'Invalid');
    await expectRegisterError(() => saveSurveyResponse(register, { ...base, answers: [{ questionId: 99_999, scale: 3 }] }), 'Invalid');
    await expectRegisterError(() => saveSurveyResponse(register, { ...base, answeredOn: '2024-01-01', answers: [] }), 'Invalid');
    await expectRegisterError(() => saveSurveyResponse(register, { ...base, year: '2031-32', answers: [] }), 'NotFound');
    // Not on roll in 2019-20 (joined 2022).
    await expectRegisterError(() => saveSurveyResponse(register, { ...base, year: '2019-20', answeredOn: '2020-03-10', answers: [] }), 'Conflict');
    expect(register.sqlite.prepare('SELECT count(*) FROM survey_responses WHERE child_id = ?').pluck().get(kids[1])).toBe(0);
    deleteSurveyQuestion(register, single.id);
  });

  it('keeps an answered question\'s meaning: no retyping, no removing a chosen option, no deleting; retiring is fine', async () => {
    const learning = q('learning');
    await expectRegisterError(() => saveSurveyQuestion(register, { id: learning.id, topic: 'learning', prompt: learning.prompt, answerType: 'text' }), 'Conflict');
    await expectRegisterError(() => saveSurveyQuestion(register, {
      id: learning.id, topic: 'learning', prompt: learning.prompt, answerType: 'choice', allowMultiple: true, choices: learning.choices!.filter((c) => c !== 'Working on my own'),
    }), 'Invalid');
    await expectRegisterError(() => saveSurveyQuestion(register, { id: learning.id, topic: 'learning', prompt: learning.prompt, answerType: 'choice', choices: learning.choices! }), 'Conflict');
    await expectRegisterError(() => deleteSurveyQuestion(register, learning.id), 'Conflict');
    // Adding an option and rewording are fine; so is retiring.
    const list = saveSurveyQuestion(register, { id: learning.id, topic: 'learning', prompt: 'How do you learn best at school?', answerType: 'choice', allowMultiple: true, choices: [...learning.choices!, 'Outdoors'], active: false });
    expect(list.find((x) => x.id === learning.id)).toMatchObject({ active: false, answered: 1, prompt: 'How do you learn best at school?' });
    expect(listSurveyQuestions(register).some((x) => x.id === learning.id)).toBe(false);
    // The child who answered it still sees it in their form; a child who did not, does not.
    expect(getSurveyResponse(register, kids[0]!, YEAR).questions.some((x) => x.id === learning.id)).toBe(true);
    expect(getSurveyResponse(register, kids[1]!, YEAR).questions.some((x) => x.id === learning.id)).toBe(false);
    await expectRegisterError(() => saveSurveyResponse(register, { childId: kids[1]!, year: YEAR, answeredOn: '2026-03-10', answers: [{ questionId: learning.id, choices: ['Outdoors'] }] }), 'Invalid');
    saveSurveyQuestion(register, { id: learning.id, topic: 'learning', prompt: learning.prompt, answerType: 'choice', allowMultiple: true, choices: [...learning.choices!, 'Outdoors'], active: true });
  });

  it('shows who has answered, aggregates results per question, and keeps text answers out of counts', () => {
    saveSurveyResponse(register, { childId: kids[1]!, year: YEAR, answeredOn: '2026-03-12', answers: [{ questionId: q('safety').id, scale: 2 }, { questionId: q('other').id, text: 'Quieter corridors.' }] });
    const y = getSurveyYear(register, YEAR);
    const responded = new Map(y.children.map((c) => [c.childId, c.responded]));
    expect(kids.map((k) => responded.get(k))).toEqual([true, true, false]);
    expect(y.children.every((c) => c.yearGroupLabel.startsWith('Year'))).toBe(true);
    expect(y.responses).toBe(2);
    const r = getSurveyResults(register, YEAR);
    expect(r.responses).toBe(2);
    const safety = r.questions.find((x) => x.questionId === q('safety').id)!;
    expect(safety.answered).toBe(2);
    expect(safety.options.map((o) => o.count)).toEqual([0, 1, 0, 1, 0]);
    expect(safety.mean).toBe(3);
    const other = r.questions.find((x) => x.questionId === q('other').id)!;
    expect(other).toMatchObject({ answered: 1, options: [], comments: ['Quieter corridors.'] });
  });

  it('is part of the child\'s subject access export, and can be deleted', () => {
    const linked = childLinkedRows(register, kids[1]!);
    expect(linked.survey_responses).toHaveLength(1);
    expect(linked.survey_answers).toHaveLength(2);
    deleteSurveyResponse(register, kids[1]!, YEAR);
    expect(getSurveyResponse(register, kids[1]!, YEAR).response).toBeNull();
    expect(register.sqlite.prepare('SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.child_id = ?').pluck().get(kids[1])).toBe(0);
  });

  it('refuses changes for a child who has left (their record is read-only)', async () => {
    register.transaction(() => register.run(qb.updateTable('children').set({ leaving_date: '2026-04-01' }).where('id', '=', kids[2]!)));
    await expectRegisterError(() => saveSurveyResponse(register, { childId: kids[2]!, year: YEAR, answeredOn: '2026-03-10', answers: [] }), 'Conflict');
  });
});
