import type { progressOperations } from '../contract/progress.ts';
import type { HandlerMap } from '../handler.ts';
import {
  deleteAssessmentWindow, deleteGradeScale, deleteProvider, deleteProviderReport, deleteSubject, deleteTeacher, deleteTimetableEntry,
  getChildProgress, getReturn, getReturnsGrid, getSlaSettings, getTeacherChecklist, getWindowCompletion, getWindowSummary, importReturnsCsv,
  listAssessmentWindows, listGradeScales, listProviderReports, listProviders, listSubjects, listTeachers, listTimetable, requestReturns,
  returnsCsvTemplate, saveAssessmentWindow, saveGradeScale, saveProvider, saveProviderReport, saveReturnCells, saveSubject, saveTeacher,
  saveTimetableEntry, setChildTimetable, updateSlaSettings, windowSummaryPdf,
} from '../../services/progress/index.ts';
import { buildChaseQueue, generateChaseLetters } from '../../services/sla/chase.ts';

const done = (_: void): null => null;

export const progressHandlers: HandlerMap<keyof typeof progressOperations> = {
  listSubjects: (ctx) => listSubjects(ctx.requireRegister()),
  saveSubject: (ctx, input) => saveSubject(ctx.requireRegister(), input),
  deleteSubject: (ctx, { id }) => done(deleteSubject(ctx.requireRegister(), id)),

  listTeachers: (ctx, input) => listTeachers(ctx.requireRegister(), input),
  saveTeacher: (ctx, input) => saveTeacher(ctx.requireRegister(), input),
  deleteTeacher: (ctx, { id }) => done(deleteTeacher(ctx.requireRegister(), id)),

  listTimetable: (ctx, input) => listTimetable(ctx.requireRegister(), input),
  saveTimetableEntry: (ctx, input) => saveTimetableEntry(ctx.requireRegister(), input),
  deleteTimetableEntry: (ctx, { id }) => done(deleteTimetableEntry(ctx.requireRegister(), id)),
  setChildTimetable: (ctx, { childId, entries }) => setChildTimetable(ctx.requireRegister(), childId, entries),

  getSlaSettings: (ctx) => getSlaSettings(ctx.requireRegister()),
  updateSlaSettings: (ctx, input) => updateSlaSettings(ctx.requireRegister(), input),

  listProviders: (ctx) => listProviders(ctx.requireRegister()),
  saveProvider: (ctx, input) => saveProvider(ctx.requireRegister(), input),
  deleteProvider: (ctx, { id }) => done(deleteProvider(ctx.requireRegister(), id)),
  listProviderReports: (ctx, input) => listProviderReports(ctx.requireRegister(), input),
  saveProviderReport: (ctx, input) => saveProviderReport(ctx.requireRegister(), input),
  deleteProviderReport: (ctx, { id }) => done(deleteProviderReport(ctx.requireRegister(), id)),

  listGradeScales: (ctx) => listGradeScales(ctx.requireRegister()),
  saveGradeScale: (ctx, input) => saveGradeScale(ctx.requireRegister(), input),
  deleteGradeScale: (ctx, { id }) => done(deleteGradeScale(ctx.requireRegister(), id)),

  listAssessmentWindows: (ctx, input) => listAssessmentWindows(ctx.requireRegister(), input),
  saveAssessmentWindow: (ctx, input) => saveAssessmentWindow(ctx.requireRegister(), input),
  deleteAssessmentWindow: (ctx, { id }) => done(deleteAssessmentWindow(ctx.requireRegister(), id)),

  requestReturns: (ctx, { windowId }) => requestReturns(ctx.requireRegister(), windowId),
  getTeacherChecklist: (ctx, input) => getTeacherChecklist(ctx.requireRegister(), input),
  getReturnsGrid: (ctx, { windowId, asOf }) => getReturnsGrid(ctx.requireRegister(), windowId, asOf),
  getReturn: (ctx, { id }) => getReturn(ctx.requireRegister(), id),
  saveReturnCells: (ctx, { windowId, cells }) => saveReturnCells(ctx.requireRegister(), windowId, cells),
  returnsCsvTemplate: (ctx, { windowId, teacherId }) => returnsCsvTemplate(ctx.requireRegister(), windowId, teacherId),
  importReturnsCsv: (ctx, { windowId, base64, dryRun }) => importReturnsCsv(ctx.requireRegister(), windowId, base64, { dryRun: dryRun ?? false }),

  getChildProgress: (ctx, { childId }) => getChildProgress(ctx.requireRegister(), childId),
  getWindowCompletion: (ctx, { windowId, asOf }) => getWindowCompletion(ctx.requireRegister(), windowId, asOf),
  getWindowSummary: (ctx, { windowId }) => getWindowSummary(ctx.requireRegister(), windowId),
  windowSummaryPdf: (ctx, { windowId }) => windowSummaryPdf(ctx.requireRegister(), windowId),

  getChaseQueue: (ctx, { asOf }) => buildChaseQueue(ctx.requireRegister(), asOf),
  chaseLetters: async (ctx, { asOf }) => {
    const { files, letters, items } = await generateChaseLetters(ctx.requireRegister(), asOf ? { asOf } : {});
    return { files, letters, items };
  },
};
