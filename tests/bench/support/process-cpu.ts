import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, ms) by process kind: `server` and one per Chromium process type. */
export type CpuByProcess = Record<string, number>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

function readProc(pid: string, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // gone meanwhile
  }
}

/** "renderer", "gpu-process", "utility:network.mojom.NetworkService", … or "browser". */
function chromiumKind(cmdline: string): string {
  // Zygote children rewrite their title: arguments separated by spaces, not NULs.
  const args = cmdline.split(/[\0 ]/);
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  if (!type) return 'browser';
  const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice('--utility-sub-type='.length);
  return sub ? `${type}:${sub}` : type;
}

/**
 * CPU time used so far by this process (the bench server runs in it) and by
 * every Chromium process whose command line names `profileDir`, with their
 * descendants (renderers, utilities). Linux only: an empty record elsewhere.
 * The difference of two snapshots tells who did the work of a timed run.
 */
export function cpuSnapshot(profileDir: string): CpuByProcess {
  const usage = process.cpuUsage();
  const result: CpuByProcess = { server: (usage.user + usage.system) / 1000 };
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return result;
  }
  const parent = new Map<string, string>();
  const ticks = new Map<string, number>();
  const kind = new Map<string, string>();
  const roots = new Set<string>();
  for (const pid of pids) {
    const stat = readProc(pid, 'stat');
    const cmdline = readProc(pid, 'cmdline');
    if (stat === null || cmdline === null) continue;
    // Fields after the parenthesised command name: state ppid … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(pid, fields[1]!);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    kind.set(pid, chromiumKind(cmdline));
    if (cmdline.includes(profileDir) && /chrom/.test(cmdline)) roots.add(pid);
  }
  const inTree = (pid: string): boolean => {
    for (let p: string | undefined = pid; p !== undefined && p !== '0' && p !== '1'; p = parent.get(p)) {
      if (roots.has(p)) return true;
    }
    return false;
  };
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    const k = kind.get(pid)!;
    result[k] = (result[k] ?? 0) + (ticks.get(pid) ?? 0) * TICK_MS;
  }
  return result;
}

export function cpuDelta(before: CpuByProcess, after: CpuByProcess): CpuByProcess {
  const delta: CpuByProcess = {};
  for (const [k, v] of Object.entries(after)) {
    const d = Math.round(v - (before[k] ?? 0));
    if (d > 0) delta[k] = d;
  }
  return delta;
}
