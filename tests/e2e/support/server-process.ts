import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'dist/server/main.js');
const CLI = join(ROOT, 'dist/server/cli.js');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * The real built server in its own process, on a fresh data directory, so a
 * test can SIGKILL and restart it like a crash in the field.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly output: string[] = [];

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly extraEnv: Record<string, string>,
  ) {}

  /** `extraEnv` adds settings, e.g. CLIENT_DIR to serve another build of the app. */
  static async start(extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
    const server = new ServerProcess(await freePort(), mkdtempSync(join(tmpdir(), 'cunzhan-e2e-')), extraEnv);
    await server.launch();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.extraEnv, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir };
    delete env.DATABASE_URL;
    return env;
  }

  async launch(): Promise<void> {
    const child = spawn(process.execPath, [MAIN], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${this.output.join('')}`);
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become healthy:\n${this.output.join('')}`);
  }

  /** A crash: no chance to finish requests or close the database. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  /** A one-time enrolment code from the admin command, as county staff would make it (default: the demo centre). */
  createEnrolCode(centreId?: string): string {
    const line = this.admin('create-code', '--json', ...(centreId ? ['--centre', centreId] : [])).trim().split('\n').pop() ?? '';
    return (JSON.parse(line) as { code: string }).code;
  }

  /** Runs the admin command (`npm run admin -- …`) against this server's data; returns what it printed. */
  admin(...args: string[]): string {
    const result = spawnSync(process.execPath, [CLI, ...args], { env: this.env(), encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`admin ${args[0]} failed: ${result.stderr}${result.stdout}`);
    return result.stdout;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
