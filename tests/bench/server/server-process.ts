import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../support/server-process';

const ROOT = resolve(import.meta.dirname, '../../..');
export const SERVER_MAIN = join(ROOT, 'dist/server/main.js');
/** Output kept for an error message: the last this many characters. */
const KEPT_OUTPUT = 20_000;

/** Resident memory of a process, in MB: now, and the peak since it started (Linux). */
export interface Memory {
  rssMb: number;
  peakRssMb: number;
}

/** The built server (dist/server/main.js) in a process of its own, as deployed. */
export class ServerProcess {
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  /** `env`: DATA_DIR, DATABASE_URL, CLIENT_DIR and the like. Resolves once /api/health answers. */
  static async start(env: Record<string, string>): Promise<ServerProcess> {
    if (!existsSync(SERVER_MAIN)) throw new Error('dist/server/main.js is missing: build the server first (npm run build)');
    const port = await freePort();
    const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    const child = spawn(process.execPath, [SERVER_MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${server.output}`);
      try {
        if ((await fetch(`${server.url}/api/health`)).ok) return server;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await server.stop();
    throw new Error(`server did not become healthy:\n${server.output}`);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  memory(): Memory | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
    } catch {
      return null;
    }
  }

  lastOutput(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(killer);
  }
}
