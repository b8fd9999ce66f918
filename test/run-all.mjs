// The README's test command (`npm test`): lint, type check, unit and integration tests (vitest,
// plain Node), then the renderer e2e tests (Playwright in Debian's Chromium against browser mode).
// Ends with one summary line "tests: N passed, N failed" that CI reads.
// `--reliability` runs the long reliability suite instead (crash test at 1,000 rounds).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const reliability = process.argv.includes('--reliability');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const failures = [];

function stage(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  if (!ok) failures.push(label);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitest(label, args, env = {}) {
  const out = path.join(results, `vitest-${label.replace(/\W+/g, '-')}.json`);
  fs.rmSync(out, { force: true });
  const ok = stage(label, bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args], env);
  const j = readJson(out);
  if (j) {
    passed += j.numPassedTests;
    // A skipped test could hide a failure: it counts as one.
    failed += j.numFailedTests + j.numPendingTests + j.numTodoTests;
    if (j.numPendingTests + j.numTodoTests) console.log(`${label}: ${j.numPendingTests + j.numTodoTests} skipped or todo test(s), counted as failures`);
  } else if (!ok) {
    failed += 1;
  }
}

if (reliability) {
  fs.rmSync(path.join(results, 'reliability'), { recursive: true, force: true });
  vitest('reliability', ['test/reliability', 'test/db/crash.test.ts', 'test/main/services/import/large.test.ts'], {
    CIC_RELIABILITY: 'full', CIC_CRASH_ROUNDS: process.env.CIC_CRASH_ROUNDS ?? '1000',
  });
  printReliabilityCounts();
} else {
  if (!stage('lint', bin('eslint'), ['--max-warnings', '0', '.'])) failed += 1;
  if (!stage('type check (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit'])) failed += 1;
  if (!stage('type check (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])) failed += 1;
  // Build once: the packaging tests check the bundles and the e2e tests serve out/renderer.
  const built = stage('build (electron-vite: main, preload, renderer)', bin('electron-vite'), ['build']);
  if (!built) failed += 1;
  vitest('unit and integration', []);
  if (built) {
    const out = path.join(results, 'playwright.json');
    fs.rmSync(out, { force: true });
    const ok = stage('e2e (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    const j = readJson(out);
    if (j?.stats) {
      passed += j.stats.expected + j.stats.flaky;
      failed += j.stats.unexpected + j.stats.skipped;
      if (j.stats.skipped) console.log(`e2e: ${j.stats.skipped} skipped test(s), counted as failures`);
    } else if (!ok) {
      failed += 1;
    }
  }
}

function printReliabilityCounts() {
  const dir = path.join(results, 'reliability');
  const rows = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => readJson(path.join(dir, f))).filter(Boolean) : [];
  const sum = (k) => rows.reduce((s, r) => s + (r[k] ?? 0), 0);
  console.log('\nreliability:');
  for (const r of rows) console.log(`  ${r.name}: ${r.rounds !== undefined ? `${r.rounds} rounds, ` : ''}${r.cases} cases, ${r.failures} failures, ${r.dataLost} data lost${r.note ? ` (${r.note})` : ''}`);
  console.log(`  total: ${sum('rounds')} rounds, ${sum('cases')} cases, ${sum('failures')} failures, ${sum('dataLost')} data lost`);
}

console.log('');
if (failures.length) console.log(`failed stages: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
