/**
 * A USB or Bluetooth scanner is a keyboard that types a whole code in a few
 * milliseconds per character and presses Enter; a person types a key every
 * 150 ms or more. So a code is a run of at least WEDGE_MIN_LENGTH characters
 * ended by Enter, taking on average at most WEDGE_MEAN_GAP_MS per key. The
 * mean, not each gap, is judged: a busy tablet may hold one key back.
 */
const WEDGE_MIN_LENGTH = 4;
const WEDGE_MEAN_GAP_MS = 50;
/** A pause this long starts a new run: what came before was not the scanner. */
const RUN_BREAK_MS = 250;
const MAX_LENGTH = 128;

export class WedgeBuffer {
  private chars = '';
  private startedAt = 0;
  private lastAt = -Infinity;

  /** One key pressed at `at` (ms); the code when this key is the Enter that ends a scanner's burst. */
  key(key: string, at: number): string | null {
    if (at - this.lastAt > RUN_BREAK_MS) this.chars = '';
    this.lastAt = at;
    if (key === 'Enter') {
      // n characters and Enter: n gaps from the first character.
      const n = this.chars.length;
      const code = n >= WEDGE_MIN_LENGTH && (at - this.startedAt) / n <= WEDGE_MEAN_GAP_MS ? this.chars : null;
      this.chars = '';
      return code;
    }
    if (key.length !== 1) {
      // Shift comes between a scanner's characters; any other key ends the run.
      if (key !== 'Shift') this.chars = '';
      return null;
    }
    if (this.chars === '') this.startedAt = at;
    this.chars = (this.chars + key).slice(-MAX_LENGTH);
    return null;
  }

  reset(): void {
    this.chars = '';
    this.lastAt = -Infinity;
  }
}
