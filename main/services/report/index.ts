// The DT's annual report to governors (issue 8): settings per year, the anonymous suppressed
// figures, and the PDF / .docx export.
export { buildGovernorsReport, SUPPRESSION_NOTE } from './build.ts';
export { exportGovernorsReport } from './export.ts';
export {
  deleteCustomSection, deleteTraining, getReportSettings, reorderCustomSections, resetBenchmarks, saveBenchmarks, saveCustomSection,
  saveNarrativeSection, saveSchoolFigures, saveTraining,
} from './settings.ts';
