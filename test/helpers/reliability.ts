// The reliability suite's counts (issue 9): each test records rounds, cases, failures and data
// lost; test/run-all.mjs prints them together at the end of `npm run test:reliability`.
import fs from 'node:fs';
import path from 'node:path';

export interface ReliabilityCounts {
  rounds?: number;
  cases: number;
  failures: number;
  dataLost: number;
  note?: string;
}

const dir = path.resolve(import.meta.dirname, '../../test-results/reliability');

export function recordCounts(name: string, counts: ReliabilityCounts): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ name, ...counts }));
  console.log(`${name}: ${counts.rounds !== undefined ? `${counts.rounds} rounds, ` : ''}${counts.cases} cases, ${counts.failures} failures, ${counts.dataLost} data lost`);
}

/** Full run (npm run test:reliability) or the short form in npm test. */
export const FULL = process.env.CIC_RELIABILITY === 'full';
