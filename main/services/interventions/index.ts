// Interventions (issue 6): the services behind main/api/handlers/interventions.ts.

export * from './interventions.ts';
export * from './sessions.ts';
export { startInterventionFromBelowTarget, kindForSubject } from './fromBelowTarget.ts';
export { seedDemoSupport, type DemoSupportSummary } from './demo.ts';
