import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/server/main.js');
const CLI = join(ROOT, 'dist/server/cli.js');
const START_LIMIT_MS = 30_000;
const POLL_MS = 50;

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Where a server keeps its data: SQLite in `dataDir`, or the PostgreSQL database named. */
export interface DataLocation {
  dataDir: string;
  databaseUrl?: string | undefined;
}

export interface StartOptions extends Partial<DataLocation> {
  /** More settings, e.g. CLIENT_DIR to serve another build of the app. */
  env?: Record<string, string>;
}

/**
 * The built server (dist/server/main.js) in its own process, so a test can
 * SIGKILL it like a crash in the field and start it again on the same data:
 * SQLite in a fresh directory (removed on dispose), or the database given.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly output: string[] = [];

  private constructor(
    readonly port: number,
    readonly location: DataLocation,
    private readonly extraEnv: Record<string, string>,
    private readonly ownsDataDir: boolean,
  ) {}

  static async start(options: StartOptions = {}): Promise<ServerProcess> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cunzhan-server-'));
    const location = { dataDir, databaseUrl: options.databaseUrl };
    const server = new ServerProcess(await freePort(), location, options.env ?? {}, !options.dataDir);
    await server.launch();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get dataDir(): string {
    return this.location.dataDir;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.extraEnv, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir };
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
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
