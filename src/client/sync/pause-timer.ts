/**
 * Automatic syncs wait for a pause in the person's work. A sync reads and
 * writes the same tables as a sale, and its status redraws the top bar: run
 * between two taps, it made the next tap's answer wait behind it. The queue
 * is on the tablet already, so a sync a second later loses nothing; a
 * person who never pauses still gets one once MAX_WAIT_MS has passed.
 */
export const QUIET_MS = 1_500;
export const MAX_WAIT_MS = 15_000;

let lastInputAt = Number.NEGATIVE_INFINITY;
let watching = false;

/** Starts noting the person's taps and keys (once; nothing to note outside a browser). */
export function watchInput(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  const note = () => {
    lastInputAt = performance.now();
  };
  window.addEventListener('pointerdown', note, { capture: true, passive: true });
  window.addEventListener('keydown', note, { capture: true, passive: true });
}

/** Milliseconds since the last tap or key; Infinity before any. */
export function msSinceInput(): number {
  return performance.now() - lastInputAt;
}

export interface PauseTimerOptions {
  quietMs?: number;
  maxWaitMs?: number;
  sinceInput?: () => number;
}

/** A timer whose callback waits, once due, until the person has paused. */
export class PauseTimer {
  private handle: ReturnType<typeof setTimeout> | undefined;
  /** When it first fell due and found the person busy: the longest wait counts from then, however often it is armed again. */
  private dueSince: number | null = null;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly sinceInput: () => number;

  constructor(
    private readonly run: () => void,
    options: PauseTimerOptions = {},
  ) {
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
    this.sinceInput = options.sinceInput ?? msSinceInput;
  }

  /** Due in `delayMs` (replacing any earlier arming), then at the person's next pause. */
  arm(delayMs: number): void {
    clearTimeout(this.handle);
    const left = this.dueSince === null ? delayMs : Math.min(delayMs, this.maxWaitMs - (Date.now() - this.dueSince));
    this.handle = setTimeout(() => this.due(), Math.max(0, left));
  }

  cancel(): void {
    clearTimeout(this.handle);
    this.handle = undefined;
    this.dueSince = null;
  }

  private due(): void {
    const now = Date.now();
    this.dueSince ??= now;
    const busyFor = this.quietMs - this.sinceInput();
    const capLeft = this.maxWaitMs - (now - this.dueSince);
    if (busyFor > 0 && capLeft > 0) {
      this.handle = setTimeout(() => this.due(), Math.min(busyFor, capLeft));
      return;
    }
    this.handle = undefined;
    this.dueSince = null;
    this.run();
  }
}
