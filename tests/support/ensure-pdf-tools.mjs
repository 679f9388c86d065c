// Finds pdftotext and pdftoppm (Debian's poppler-utils) for the printed
// receipt checks, installing the package when it can, as Chromium is:
// apt-get when running as root; otherwise it says how to install them.
import { spawnSync } from 'node:child_process';

const TOOLS = ['pdftotext', 'pdftoppm'];

function has(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

export function ensurePdfTools() {
  if (TOOLS.every(has)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.log('No pdftotext/pdftoppm found: installing Debian\'s poppler-utils package for the printed receipt checks…');
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'poppler-utils']) && TOOLS.every(has)) return;
  }
  console.error(
    'The printed receipt checks need pdftotext and pdftoppm and they were not found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y poppler-utils\n' +
      '  macOS: brew install poppler',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensurePdfTools();
  console.log('pdftotext and pdftoppm: found');
}
