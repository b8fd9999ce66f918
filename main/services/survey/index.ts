// The pupil experience survey (issue 8): questions, responses entered with each child, results.
export { deleteSurveyQuestion, listSurveyQuestions, reorderSurveyQuestions, saveSurveyQuestion } from './questions.ts';
export { deleteSurveyResponse, getSurveyResponse, getSurveyYear, saveSurveyResponse } from './responses.ts';
export { aggregateSurvey, getSurveyResults } from './results.ts';
