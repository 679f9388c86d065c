import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataLocation } from './inspect-db';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'dist/server/main.js');
const CLI = join(ROOT, 'dist/server/cli.js');
const START_LIMIT_MS = 30_000;
const POLL_MS = 50;

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
 * The built server (dist/server/main.js) in its own process, so a test can
 * SIGKILL it like a crash and start it again on the same data: SQLite in a
 * fresh directory, or the PostgreSQL database given.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly output: string[] = [];

  private constructor(
    readonly port: number,
    readonly location: DataLocation,
    private readonly ownsDataDir: boolean,
  ) {}

  static async start(location: Partial<DataLocation> = {}): Promise<ServerProcess> {
    const dataDir = location.dataDir ?? mkdtempSync(join(tmpdir(), 'cunzhan-faults-'));
    const server = new ServerProcess(await freePort(), { dataDir, databaseUrl: location.databaseUrl }, !location.dataDir);
    await server.launch();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.location.dataDir };
    if (this.location.databaseUrl) env.DATABASE_URL = this.location.databaseUrl;
    else delete env.DATABASE_URL;
    return env;
  }

  /** Starts the process and waits (polling, bounded) until it answers its health check. */
  async launch(): Promise<void> {
    const child = spawn(process.execPath, [MAIN], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    const deadline = Date.now() + START_LIMIT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${this.output.join('')}`);
      try {
        const response = await fetch(`${this.url}/api/health`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`server did not become healthy:\n${this.output.join('')}`);
  }

  /** A crash: no chance to finish requests or close the database. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  /** A one-time enrolment code from the admin command, as county staff would make it. */
  createEnrolCode(): string {
    const result = spawnSync(process.execPath, [CLI, 'create-code', '--json'], { env: this.env(), encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`admin create-code failed: ${result.stderr}`);
    const line = result.stdout.trim().split('\n').pop() ?? '';
    return (JSON.parse(line) as { code: string }).code;
  }

  async dispose(): Promise<void> {
    await this.stop();
    if (this.ownsDataDir) rmSync(this.location.dataDir, { recursive: true, force: true });
  }
}
