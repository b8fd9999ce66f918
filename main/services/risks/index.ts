// The risk register (issue 6): the services behind main/api/handlers/risks.ts.

export * from './risks.ts';
export { RISK_TEMPLATES, type TemplateDef } from './templates.ts';
