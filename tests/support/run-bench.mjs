// `npm run bench`: builds the app and the server, then runs the benchmarks in
// headless Chromium against the real server (vitest project `bench`) and
// prints the table. Results: tests/bench/results/latest.json. Not part of `npm test`.
// `npm run bench -- --strict` exits non-zero when a figure misses its target.
// `npm run bench -- --fuzz` also runs the endpoint fuzz test (vitest project
// `faults`) at CUNZHAN_FUZZ_RUNS=20000 and records its cases and duration;
// BENCH_ONLY=fuzz runs that alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const RESULTS = 'tests/bench/results/latest.json';
const FUZZ_TEST = 'tests/faults/endpoint-fuzz.test.ts';
const FUZZ_RUNS = 20_000;
const strict = process.argv.includes('--strict');
const only = process.env.BENCH_ONLY;
const fuzz = process.argv.includes('--fuzz') || only === 'fuzz';

function run(command, args, env = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The fuzz test at full size: how many cases it ran (when it says), its tests, and the time taken. */
function runFuzz() {
  const dir = mkdtempSync(join(tmpdir(), 'cunzhan-fuzz-report-'));
  const report = join(dir, 'report.json');
  const args = ['vitest', 'run', '--project', 'faults', FUZZ_TEST, '--reporter=default', '--reporter=json', `--outputFile=${report}`];
  console.log(`$ CUNZHAN_FUZZ_RUNS=${FUZZ_RUNS} npx ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync('npx', args, {
    env: { ...process.env, CUNZHAN_FUZZ_RUNS: String(FUZZ_RUNS) },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const durationMs = Date.now() - started;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  process.stdout.write(output);
  let tests = null;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    tests = { total: json.numTotalTests, passed: json.numPassedTests, failed: json.numFailedTests };
  } catch {
    // no report: the run failed before writing one
  }
  rmSync(dir, { recursive: true, force: true });
  // The fuzz test may say how many cases it ran ("… 20000 cases …"); the runs asked for otherwise.
  const said = [...output.matchAll(/(\d[\d,]*)\s+(?:fuzz(?:ed)?\s+)?cases/gi)].map((m) => Number(m[1].replaceAll(',', '')));
  const cases = said.length > 0 ? said.reduce((a, b) => a + b, 0) : null;
  return { runsPerProperty: FUZZ_RUNS, cases, tests, durationMs, passed: result.status === 0 };
}

if (only !== 'fuzz') {
  const chromium = ensureChromium();
  // The client for the tablet figures; the server build for the figures taken against server processes.
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  run('npx', ['vite', 'build', '--ssr', '--logLevel', 'warn']);
  const startedAt = Date.now();
  run('npx', ['vitest', 'run', '--project', 'bench'], { CHROME_PATH: chromium });
  if (!only) {
    if (!existsSync(RESULTS)) {
      console.error(`The bench did not write ${RESULTS}.`);
      process.exit(1);
    }
    if (Date.parse(JSON.parse(readFileSync(RESULTS, 'utf8')).date) < startedAt) {
      console.error(`${RESULTS} is older than this run: the bench did not finish.`);
      process.exit(1);
    }
  }
}

const fuzzResult = fuzz ? runFuzz() : null;
if (fuzzResult) {
  const cases = fuzzResult.cases === null ? `${FUZZ_RUNS} runs per property` : `${fuzzResult.cases} cases`;
  console.log(`\nEndpoint fuzz: ${cases} in ${(fuzzResult.durationMs / 1000).toFixed(1)} s, ${fuzzResult.passed ? 'passed' : 'FAILED'}.`);
}

// The quicker BENCH_ONLY runs log their figures and leave latest.json alone.
if (only) {
  console.log(`\nBENCH_ONLY=${only}: figures logged above; ${RESULTS} left as it was.`);
  process.exit(fuzzResult && !fuzzResult.passed ? 1 : 0);
}

const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
if (fuzzResult) {
  results.fuzz = fuzzResult;
  results.pass.fuzz = fuzzResult.passed;
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}
const missed = Object.entries(results.pass).filter(([, ok]) => !ok).map(([name]) => name);
console.log(`\nResults written to ${RESULTS}.`);
if (missed.length > 0) console.log(`Missed targets: ${missed.join(', ')}.`);
else console.log('Every figure met its target.');
process.exit(strict && missed.length > 0 ? 1 : 0);
