// react-query hooks for the Reports area (issue 8): the governors' report, its settings, and the
// pupil experience survey. Every key starts with 'reports'; changes go through useRegisterChange,
// which refreshes every screen's data.

import { useQuery } from '@tanstack/react-query';
import type { Output } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';

const R = 'reports';

export const rq = {
  settings: (year: string) => [R, 'settings', year] as const,
  report: (year: string) => [R, 'report', year] as const,
  questions: [R, 'questions'] as const,
  surveyYear: (year: string) => [R, 'surveyYear', year] as const,
  response: (childId: number, year: string) => [R, 'response', childId, year] as const,
  results: (year: string) => [R, 'results', year] as const,
};

export const useReportSettings = (year: string) =>
  useQuery<Output<'getReportSettings'>, ApiError>({ queryKey: rq.settings(year), queryFn: () => call('getReportSettings', { year }) });

export const useGovernorsReport = (year: string) =>
  useQuery<Output<'getGovernorsReport'>, ApiError>({ queryKey: rq.report(year), queryFn: () => call('getGovernorsReport', { year }) });

export const useSurveyQuestions = () =>
  useQuery<Output<'listSurveyQuestions'>, ApiError>({ queryKey: rq.questions, queryFn: () => call('listSurveyQuestions', { includeRetired: true }) });

export const useSurveyYear = (year: string) =>
  useQuery<Output<'getSurveyYear'>, ApiError>({ queryKey: rq.surveyYear(year), queryFn: () => call('getSurveyYear', { year }) });

export const useSurveyResponse = (childId: number, year: string) =>
  useQuery<Output<'getSurveyResponse'>, ApiError>({ queryKey: rq.response(childId, year), queryFn: () => call('getSurveyResponse', { childId, year }) });

export const useSurveyResults = (year: string) =>
  useQuery<Output<'getSurveyResults'>, ApiError>({ queryKey: rq.results(year), queryFn: () => call('getSurveyResults', { year }) });
