// Survey results for a year, aggregated per question. The DT's own screen sees them in full; the
// governors' report takes the same counts through small-number suppression and never prints the
// free-text answers (a child's own words can identify them).

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { SurveyQuestionResult, SurveyResults } from '../../api/contract.ts';
import { loadYear, type YearRow } from '../report/year.ts';
import { listSurveyQuestions } from './questions.ts';

/** Per question: counts only, plus free-text answers for the DT's own view. */
export function aggregateSurvey(register: Register, y: YearRow): SurveyResults {
  const responses = register.all(qb.selectFrom('survey_responses').select('id').where('academic_year_id', '=', y.id)).map((r) => r.id);
  const answers = register.all(qb.selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select(['survey_answers.question_id', 'survey_answers.scale_value', 'survey_answers.yes_no', 'survey_answers.choices', 'survey_answers.text_value'])
    .where('survey_responses.academic_year_id', '=', y.id));
  const questions = listSurveyQuestions(register, { includeRetired: true });
  const results: SurveyQuestionResult[] = [];
  for (const q of questions) {
    const mine = answers.filter((a) => a.question_id === q.id);
    // Retired questions appear only in years where they were answered.
    if (!q.active && mine.length === 0) continue;
    let options: { label: string; count: number }[] = [];
    let mean: number | null = null;
    if (q.answerType === 'scale') {
      options = q.scaleLabels!.map((label, i) => ({ label: `${i + 1} · ${label}`, count: mine.filter((a) => a.scale_value === i + 1).length }));
      const values = mine.map((a) => a.scale_value!).filter((v) => v !== null);
      mean = values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10 : null;
    } else if (q.answerType === 'yes_no') {
      options = [{ label: 'Yes', count: mine.filter((a) => a.yes_no === 1).length }, { label: 'No', count: mine.filter((a) => a.yes_no === 0).length }];
    } else if (q.answerType === 'choice') {
      const chosen = mine.map((a) => JSON.parse(a.choices!) as string[]);
      options = q.choices!.map((label) => ({ label, count: chosen.filter((c) => c.includes(label)).length }));
    }
    results.push({
      questionId: q.id, prompt: q.prompt, topic: q.topic, answerType: q.answerType, allowMultiple: q.allowMultiple,
      answered: mine.length, options, mean,
      comments: q.answerType === 'text' ? mine.map((a) => a.text_value!).filter((t) => t.trim() !== '').sort((a, b) => a.localeCompare(b)) : [],
    });
  }
  return { academicYearLabel: y.label, responses: responses.length, questions: results };
}

export function getSurveyResults(register: Register, year: string): SurveyResults {
  return aggregateSurvey(register, loadYear(register, year));
}
