// Pupil Premium Plus (issue 6): positions per financial year and the allocations recorded.

export * from './years.ts';
export * from './rules.ts';
export { checkpointsFor, getPpPlusPosition, type PositionFilter } from './position.ts';
export * from './allocations.ts';
