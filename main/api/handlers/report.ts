import type { reportOperations } from '../contract/report.ts';
import type { HandlerMap } from '../handler.ts';
import { localToday } from '../../services/calendar/index.ts';
import {
  buildGovernorsReport, deleteCustomSection, deleteTraining, exportGovernorsReport, getReportSettings, reorderCustomSections, resetBenchmarks,
  saveBenchmarks, saveCustomSection, saveNarrativeSection, saveSchoolFigures, saveTraining,
} from '../../services/report/index.ts';

export const reportHandlers: HandlerMap<keyof typeof reportOperations> = {
  getReportSettings: (ctx, { year }) => getReportSettings(ctx.requireRegister(), year),
  saveSchoolFigures: (ctx, input) => saveSchoolFigures(ctx.requireRegister(), input),
  saveBenchmarks: (ctx, { year, benchmarks }) => saveBenchmarks(ctx.requireRegister(), year, benchmarks),
  resetBenchmarks: (ctx, { year }) => resetBenchmarks(ctx.requireRegister(), year),
  saveTraining: (ctx, input) => saveTraining(ctx.requireRegister(), input),
  deleteTraining: (ctx, { id }) => deleteTraining(ctx.requireRegister(), id),
  saveNarrativeSection: (ctx, input) => saveNarrativeSection(ctx.requireRegister(), input),
  saveCustomSection: (ctx, input) => saveCustomSection(ctx.requireRegister(), input),
  deleteCustomSection: (ctx, { id }) => deleteCustomSection(ctx.requireRegister(), id),
  reorderCustomSections: (ctx, { year, ids }) => reorderCustomSections(ctx.requireRegister(), year, ids),
  getGovernorsReport: (ctx, { year }) => buildGovernorsReport(ctx.requireRegister(), year, localToday()),
  exportGovernorsReport: async (ctx, { year, format }) => {
    const { files, warnings } = await exportGovernorsReport(ctx.requireRegister(), year, format, { today: localToday() });
    return { files, warnings };
  },
};
