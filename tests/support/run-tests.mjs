// `npm test`: every check in one command — types, unit, component, server
// (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) and end-to-end tests
// in headless Chromium against the built app and the real server.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensurePdfTools } from './ensure-pdf-tools.mjs';

const steps = [];

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok) finish();
}

function finish() {
  console.log('\n=== Summary ===');
  for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'}  ${s.name} (${s.seconds} s)`);
  const failed = steps.filter((s) => !s.ok).length;
  console.log(`Steps: ${steps.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

const chromium = ensureChromium();
// Printed receipts are read back from PDF with poppler's tools.
ensurePdfTools();
if (!process.env.TEST_DATABASE_URL) {
  console.log('\nNote: TEST_DATABASE_URL is not set, so the server suite runs on SQLite only.');
  console.log('      Set it (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run it on PostgreSQL as well.');
}

step('Type check', 'npm', ['run', '--silent', 'typecheck']);
step('Build app and server', 'npm', ['run', '--silent', 'build']);
step('Unit, component and server tests', 'npm', ['run', '--silent', 'test:unit']);
// Fault tests start the built server as a process, so they come after the build.
step('Fault tests (cut links, crashes, concurrency, fuzz)', 'npx', ['vitest', 'run', '--project', 'faults']);
step('End-to-end tests (headless Chromium)', 'npm', ['run', '--silent', 'test:e2e'], { CHROME_PATH: chromium });
finish();
