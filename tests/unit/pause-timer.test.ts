import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PauseTimer } from '../../src/client/sync/pause-timer';

/** A person whose last tap is set by the test; time is vitest's fake clock. */
function person() {
  let lastTap = Number.NEGATIVE_INFINITY;
  return {
    tap: () => {
      lastTap = Date.now();
    },
    sinceInput: () => Date.now() - lastTap,
  };
}

describe('automatic syncs wait for a pause in the taps', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs when due if nobody is tapping', () => {
    const runs: number[] = [];
    const timer = new PauseTimer(() => runs.push(Date.now()), { quietMs: 1500, maxWaitMs: 15_000, sinceInput: person().sinceInput });
    const start = Date.now();
    timer.arm(800);
    vi.advanceTimersByTime(799);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([start + 800]);
  });

  it('due while the person taps, it runs once they have paused for the quiet time, and only once', () => {
    const clerk = person();
    const runs: number[] = [];
    const timer = new PauseTimer(() => runs.push(Date.now()), { quietMs: 1500, maxWaitMs: 15_000, sinceInput: clerk.sinceInput });
    const start = Date.now();
    timer.arm(800);
    vi.advanceTimersByTime(500);
    clerk.tap(); // at 500: due at 800, quiet from 2000
    vi.advanceTimersByTime(1000);
    clerk.tap(); // at 1500: quiet from 3000
    vi.advanceTimersByTime(1499);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([start + 3000]);
    vi.advanceTimersByTime(60_000);
    expect(runs).toHaveLength(1);
  });

  it('a person who never pauses still gets the sync once the longest wait has passed since it fell due, however often it is armed again', () => {
    const clerk = person();
    const runs: number[] = [];
    const timer = new PauseTimer(() => runs.push(Date.now()), { quietMs: 1500, maxWaitMs: 15_000, sinceInput: clerk.sinceInput });
    const start = Date.now();
    for (let t = 0; t < 20_000; t += 400) {
      clerk.tap();
      // Every second tap is a sale, which arms the timer again.
      if (t % 800 === 0) timer.arm(800);
      vi.advanceTimersByTime(400);
    }
    // First due at 800 ms; 15 s later it runs, busy or not.
    expect(runs).toEqual([start + 15_800]);
  });

  it('cancelled, it never runs', () => {
    const runs: number[] = [];
    const timer = new PauseTimer(() => runs.push(Date.now()), { quietMs: 1500, maxWaitMs: 15_000, sinceInput: person().sinceInput });
    timer.arm(800);
    timer.cancel();
    vi.advanceTimersByTime(60_000);
    expect(runs).toEqual([]);
  });
});
