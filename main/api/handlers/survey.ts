import type { surveyOperations } from '../contract/survey.ts';
import type { HandlerMap } from '../handler.ts';
import {
  deleteSurveyQuestion, deleteSurveyResponse, getSurveyResponse, getSurveyResults, getSurveyYear, listSurveyQuestions, reorderSurveyQuestions,
  saveSurveyQuestion, saveSurveyResponse,
} from '../../services/survey/index.ts';

export const surveyHandlers: HandlerMap<keyof typeof surveyOperations> = {
  listSurveyQuestions: (ctx, input) => listSurveyQuestions(ctx.requireRegister(), input),
  saveSurveyQuestion: (ctx, input) => saveSurveyQuestion(ctx.requireRegister(), input),
  deleteSurveyQuestion: (ctx, { id }) => deleteSurveyQuestion(ctx.requireRegister(), id),
  reorderSurveyQuestions: (ctx, { ids }) => reorderSurveyQuestions(ctx.requireRegister(), ids),
  getSurveyYear: (ctx, { year }) => getSurveyYear(ctx.requireRegister(), year),
  getSurveyResponse: (ctx, { childId, year }) => getSurveyResponse(ctx.requireRegister(), childId, year),
  saveSurveyResponse: (ctx, input) => saveSurveyResponse(ctx.requireRegister(), input),
  deleteSurveyResponse: (ctx, { childId, year }) => {
    deleteSurveyResponse(ctx.requireRegister(), childId, year);
    return null;
  },
  getSurveyResults: (ctx, { year }) => getSurveyResults(ctx.requireRegister(), year),
};
