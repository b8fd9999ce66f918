// Personal Education Plans (issue 7): the services behind main/api/handlers/peps.ts and the `pep`
// command. Importing this module also connects the PEP facts to the alerts engine (./facts.ts).

export {
  createPep, deletePep, deletePepAction, deletePepTarget, getPep, listPeps, loadPepContent, refreshPepSnapshot, reviewPreviousTarget,
  savePepAction, savePepTarget, setPepAttendees, unsavedPep, updatePep,
} from './peps.ts';
export { changePepStatus, recordPepQuality } from './status.ts';
export { exportPep, getPepSectionText, renderPepPdf } from './export.ts';
export { getLaPepFormat, saveLaPepFormat } from './format.ts';
export { checkSmart } from './smart.ts';
export { pepFactsFor, pepFactsSource } from './facts.ts';
export { pepReportMetrics, type PepReportMetrics } from './metrics.ts';
export { seedDemoPeps, type DemoPepSummary } from './demo.ts';
export { loadTermCalendar, parseTermKey, termKey, termLabel } from './terms.ts';
