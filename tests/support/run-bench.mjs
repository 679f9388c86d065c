// `npm run bench`: builds the app, then runs the benchmarks in headless
// Chromium against the real server (vitest project `bench`) and prints the
// table. Results: tests/bench/results/latest.json. Not part of `npm test`.
// `npm run bench -- --strict` exits non-zero when a figure misses its target.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const RESULTS = 'tests/bench/results/latest.json';
const strict = process.argv.includes('--strict');

function run(command, args, env = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const chromium = ensureChromium();
run('npx', ['vite', 'build', '--logLevel', 'warn']);
const startedAt = Date.now();
run('npx', ['vitest', 'run', '--project', 'bench'], { CHROME_PATH: chromium });

// The quicker BENCH_ONLY runs log their figures and leave latest.json alone.
if (process.env.BENCH_ONLY) {
  console.log(`\nBENCH_ONLY=${process.env.BENCH_ONLY}: figures logged above; ${RESULTS} left as it was.`);
  process.exit(0);
}

if (!existsSync(RESULTS)) {
  console.error(`The bench did not write ${RESULTS}.`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
if (Date.parse(results.date) < startedAt) {
  console.error(`${RESULTS} is older than this run: the bench did not finish.`);
  process.exit(1);
}
const missed = Object.entries(results.pass).filter(([, ok]) => !ok).map(([name]) => name);
console.log(`\nResults written to ${RESULTS}.`);
if (missed.length > 0) console.log(`Missed targets: ${missed.join(', ')}.`);
else console.log('Every figure met its target.');
process.exit(strict && missed.length > 0 ? 1 : 0);
