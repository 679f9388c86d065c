import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** The parts of a V8 CPU profile (CDP `Profiler.Profile`) the summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileLine {
  name: string;
  selfMs: number;
}

/**
 * Runs `work` under the page's sampling profiler (CDP), writes the profile
 * to `file` (open it in Chrome DevTools) and returns the functions with the
 * most self time. Main-thread time only: IndexedDB itself runs in the
 * browser process, so waiting on it shows as "(idle)".
 */
export async function profiled<T>(
  cdp: CDPSession,
  file: string,
  work: () => Promise<T>,
  top = 25,
): Promise<{ result: T; lines: ProfileLine[]; totalMs: number }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const stop = async (): Promise<{ lines: ProfileLine[]; totalMs: number }> => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    writeFileSync(file, JSON.stringify(profile));
    return summarise(profile, top);
  };
  let result: T;
  try {
    result = await work();
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
  return { result, ...(await stop()) };
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

export function summarise(profile: CpuProfile, top: number): { lines: ProfileLine[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const lines = [...self]
    .map(([name, selfMs]) => ({ name, selfMs: Math.round(selfMs * 10) / 10 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
  return { lines, totalMs: (profile.endTime - profile.startTime) / 1000 };
}
