// Progress returns and the SLA (issue 5): the services behind main/api/handlers/progress.ts.

export * from './setup.ts';
export * from './providers.ts';
export * from './windows.ts';
export { getReturn, getReturnsGrid, saveReturnCells } from './grid.ts';
export { importReturnsCsv, returnsCsvTemplate } from './csv.ts';
export * from './views.ts';
export { listGradeScales } from './common.ts';
export { seedDemoProgress, type DemoProgressSummary } from './demo.ts';
