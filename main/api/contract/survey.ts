// The pupil experience survey (issue 8): configurable, ordered questions with a default set, and one
// response set per child per academic year, entered by the DT with the child. Aggregated results
// feed the governors' report (suppressed there); the DT's own screens see them in full.

import { z } from 'zod';
import { id, isoDate, op, optionalText, text } from './fields.ts';

export const SURVEY_TOPICS = {
  learning: 'How they learn best',
  feedback: 'The feedback they prefer',
  support: 'The support they value',
  safety: 'Feeling safe',
  listened: 'Feeling listened to',
  other: 'Other',
} as const;
export type SurveyTopic = keyof typeof SURVEY_TOPICS;

export const SURVEY_ANSWER_TYPES = {
  scale: 'Scale of 1 to 5, with a label for each point',
  yes_no: 'Yes or no',
  choice: 'Choice from a list',
  text: 'Free text',
} as const;
export type SurveyAnswerType = keyof typeof SURVEY_ANSWER_TYPES;

// ---- output types -----------------------------------------------------------------------------

export interface SurveyQuestion {
  id: number;
  /** 1, 2, 3... in the order the questions are asked. */
  position: number;
  topic: SurveyTopic;
  prompt: string;
  helpText: string | null;
  answerType: SurveyAnswerType;
  /** Five labels, for 1 (first) to 5 (last): scale questions only. */
  scaleLabels: string[] | null;
  /** The options: choice questions only. */
  choices: string[] | null;
  /** Choice questions: the child may pick more than one option. */
  allowMultiple: boolean;
  /** Retired questions keep their answers but are no longer asked. */
  active: boolean;
  /** Responses that answer it. An answered question can be retired but not deleted or retyped. */
  answered: number;
}

export interface SurveyAnswer {
  questionId: number;
  scale: number | null;
  yesNo: boolean | null;
  choices: string[] | null;
  text: string | null;
}

export interface SurveyResponse {
  id: number;
  childId: number;
  academicYearLabel: string;
  answeredOn: string;
  /** Who sat with the child to record the answers. */
  enteredBy: string | null;
  answers: SurveyAnswer[];
  updatedAt: string;
}

/** Everything the "answer the survey with a child" screen needs. */
export interface SurveyResponseForm {
  childId: number;
  childName: string;
  yearGroupLabel: string;
  academicYearLabel: string;
  /** The active questions, plus any retired ones this response already answers. */
  questions: SurveyQuestion[];
  response: SurveyResponse | null;
}

export interface SurveyChildRow {
  childId: number;
  name: string;
  yearGroup: number;
  yearGroupLabel: string;
  status: 'CLA' | 'PLAC';
  /** Left the school during the year. */
  left: boolean;
  responded: boolean;
  answeredOn: string | null;
}

/** The year's survey at a glance: who has answered and who has not. */
export interface SurveyYear {
  academicYear: { id: number; label: string; startDate: string; endDate: string };
  questions: SurveyQuestion[];
  /** Every child on roll at some point in the year. */
  children: SurveyChildRow[];
  responses: number;
}

export interface SurveyOptionCount { label: string; count: number }

export interface SurveyQuestionResult {
  questionId: number;
  prompt: string;
  topic: SurveyTopic;
  answerType: SurveyAnswerType;
  allowMultiple: boolean;
  /** Children who answered this question. */
  answered: number;
  /** Scale: the five labels with counts (1 first); yes/no: Yes, No; choice: each option. Empty for text. */
  options: SurveyOptionCount[];
  /** Scale: the mean of 1–5 to one decimal place. */
  mean: number | null;
  /** Text: the answers, sorted, with no link to who wrote them (the DT's own view only). */
  comments: string[];
}

export interface SurveyResults {
  academicYearLabel: string;
  responses: number;
  questions: SurveyQuestionResult[];
}

// ---- input schemas ----------------------------------------------------------------------------

export const reportYearLabel = z.string().regex(/^\d{4}-\d{2}$/, 'Academic year is written like 2025-26.').refine(
  (l) => (Number(l.slice(0, 4)) + 1) % 100 === Number(l.slice(5)), 'The second year must follow the first, like 2025-26.');

export const surveyQuestionInput = z.object({
  id: id.optional(),
  topic: z.enum(Object.keys(SURVEY_TOPICS) as [SurveyTopic, ...SurveyTopic[]]),
  prompt: text(500).min(1, 'Enter the question.'),
  helpText: optionalText(500),
  answerType: z.enum(Object.keys(SURVEY_ANSWER_TYPES) as [SurveyAnswerType, ...SurveyAnswerType[]]),
  scaleLabels: z.array(text(60).min(1, 'Give each point of the scale a label.')).length(5, 'A scale has five labels, for 1 to 5.').nullable().optional(),
  choices: z.array(text(120).min(1, 'An option cannot be blank.')).min(2, 'Give at least two options.').max(12, 'Give at most 12 options.').nullable().optional(),
  allowMultiple: z.boolean().optional(),
  active: z.boolean().optional(),
}).strict().superRefine((q, ctx) => {
  if (q.answerType === 'scale' && !q.scaleLabels) ctx.addIssue({ code: 'custom', path: ['scaleLabels'], message: 'A scale question needs a label for each of 1 to 5.' });
  if (q.answerType !== 'scale' && q.scaleLabels) ctx.addIssue({ code: 'custom', path: ['scaleLabels'], message: 'Only scale questions have scale labels.' });
  if (q.answerType === 'choice' && !q.choices) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'A choice question needs its options.' });
  if (q.answerType !== 'choice' && q.choices) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Only choice questions have options.' });
  if (q.answerType !== 'choice' && q.allowMultiple) ctx.addIssue({ code: 'custom', path: ['allowMultiple'], message: 'Only choice questions can take more than one answer.' });
  if (q.choices && new Set(q.choices.map((c) => c.toLowerCase())).size !== q.choices.length) {
    ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Each option must be different.' });
  }
});

export const surveyAnswerInput = z.object({
  questionId: id,
  scale: z.number().int().min(1, 'Choose a point from 1 to 5.').max(5, 'Choose a point from 1 to 5.').nullable().optional(),
  yesNo: z.boolean().nullable().optional(),
  choices: z.array(text(120).min(1)).min(1, 'Choose at least one option, or leave the question unanswered.').max(12).nullable().optional(),
  text: text(2000).nullable().optional(),
}).strict().refine((a) => [a.scale, a.yesNo, a.choices, a.text].filter((v) => v !== null && v !== undefined).length <= 1, 'Give one kind of answer per question.');

export const saveSurveyResponseInput = z.object({
  childId: id,
  year: reportYearLabel,
  answeredOn: isoDate,
  enteredBy: optionalText(100),
  /** Questions left out (or with no value) are recorded as not answered. */
  answers: z.array(surveyAnswerInput).max(100),
}).strict();

const childYear = z.object({ childId: id, year: reportYearLabel }).strict();
const byYear = z.object({ year: reportYearLabel }).strict();

// ---- the operations ---------------------------------------------------------------------------

export const surveyOperations = {
  listSurveyQuestions: op<SurveyQuestion[]>()(z.object({ includeRetired: z.boolean().optional() }).strict()),
  /** Adds (no id) or edits a question; returns the full list in order. */
  saveSurveyQuestion: op<SurveyQuestion[]>()(surveyQuestionInput),
  /** Only a question nobody has answered; answered questions are retired (active: false) instead. */
  deleteSurveyQuestion: op<SurveyQuestion[]>()(z.object({ id }).strict()),
  /** Puts every question in the given order (all question ids, each once). */
  reorderSurveyQuestions: op<SurveyQuestion[]>()(z.object({ ids: z.array(id).min(1).max(200) }).strict()),

  getSurveyYear: op<SurveyYear>()(byYear),
  getSurveyResponse: op<SurveyResponseForm>()(childYear),
  saveSurveyResponse: op<SurveyResponseForm>()(saveSurveyResponseInput),
  deleteSurveyResponse: op<null>()(childYear),
  getSurveyResults: op<SurveyResults>()(byYear),
} as const;
