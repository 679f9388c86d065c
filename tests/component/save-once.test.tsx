import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, AppErrorCode } from '../../src/client/data/errors';
import { SAVING_SHOWN_AFTER_MS, useSaveOnce } from '../../src/client/ui/useSaveOnce';

/** A save button as the screens draw it, around a save the test finishes by hand. */
function SaveButton({ save, onDone }: { save: () => Promise<void>; onDone?: (again: () => void) => void }) {
  const { saving, error, run, again } = useSaveOnce();
  const tap = () =>
    void run(async () => {
      await save();
      onDone?.(again);
    });
  return (
    <>
      <button type="button" disabled={saving} onClick={tap}>
        {saving ? 'saving' : 'save'}
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

/** A save that waits until the test settles it. */
function pendingSave() {
  let settle!: { resolve: () => void; reject: (e: unknown) => void };
  const save = vi.fn(() => new Promise<void>((resolve, reject) => (settle = { resolve, reject })));
  return { save, settle: () => settle };
}

/** The clock moves on by `ms`, and whatever it set off is drawn. */
async function timePasses(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('a save started by a tap', () => {
  it('says "saving" only once it has taken a while, and a second tap meanwhile saves nothing more', async () => {
    const { save, settle } = pendingSave();
    render(<SaveButton save={save} />);
    const button = screen.getByRole('button');

    fireEvent.click(button);
    fireEvent.click(button);
    await timePasses(SAVING_SHOWN_AFTER_MS - 10);
    expect(button.textContent).toBe('save');
    expect(save).toHaveBeenCalledTimes(1);

    await timePasses(20);
    expect(button.textContent).toBe('saving');
    expect((button as HTMLButtonElement).disabled).toBe(true);

    await act(async () => settle().resolve());
    // Saved: the screen moves on, and the button stays spent.
    expect(button.textContent).toBe('saving');
    fireEvent.click(button);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('a quick save never flashes "saving", stays spent, and a screen that empties itself can save again', async () => {
    const { save, settle } = pendingSave();
    let again: (() => void) | undefined;
    render(<SaveButton save={save} onDone={(a) => (again = a)} />);
    const button = screen.getByRole('button');
    const shown: string[] = [];
    const watch = new MutationObserver(() => shown.push(button.textContent ?? ''));
    watch.observe(button, { childList: true, characterData: true, subtree: true });

    fireEvent.click(button);
    await timePasses(SAVING_SHOWN_AFTER_MS / 2);
    expect(button.textContent).toBe('save');
    await act(async () => settle().resolve());
    await timePasses(SAVING_SHOWN_AFTER_MS * 2);
    watch.disconnect();
    // Spent after the save (no second save of the same thing), never "saving" while it ran.
    expect(shown).toEqual(['saving']);

    await act(async () => again!());
    expect(button.textContent).toBe('save');
    await timePasses(SAVING_SHOWN_AFTER_MS * 2);
    // The timer of the first save does not come back to mark the next one as saving.
    expect(button.textContent).toBe('save');
    fireEvent.click(button);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('a failed save says why and can be tapped again, without a late "saving"', async () => {
    const { save, settle } = pendingSave();
    render(<SaveButton save={save} />);
    const button = screen.getByRole('button');

    fireEvent.click(button);
    await act(async () => settle().reject(new AppError(AppErrorCode.notLoggedIn)));
    await timePasses(SAVING_SHOWN_AFTER_MS * 2);
    expect(screen.getByRole('alert').textContent).toBe(`errors.${AppErrorCode.notLoggedIn}`);
    expect(button.textContent).toBe('save');
    fireEvent.click(button);
    expect(save).toHaveBeenCalledTimes(2);
  });
});
