import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { createHash } from 'node:crypto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import type { StoredPackManifest } from '../../src/shared/packs/pack-manifest';
import { testPack } from '../server/support/pack-fixture';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// fake-indexeddb keeps values by the platform's structured clone, which knows
// Node's Blob but not the DOM shim's: the tablet's chunks are Blobs of the platform.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

/** The fixture pack's manifest as the server serves it, every file with its hash and size. */
function servedManifest(id = 'test-course'): { manifest: StoredPackManifest; files: Record<string, Buffer> } {
  const pack = testPack(id);
  const files = pack.manifest.files.map((f) => ({ ...f, sha256: sha256(pack.files[f.path]!), size: pack.files[f.path]!.length }));
  return { manifest: { ...pack.manifest, files } as StoredPackManifest, files: pack.files };
}

/** A file stored on the tablet whole and checked, as a finished download leaves it. */
async function holdFile(manifest: StoredPackManifest, path: string, bytes: Buffer): Promise<void> {
  const file = manifest.files.find((f) => f.path === path)!;
  await db.packFiles.put({ sha256: file.sha256, size: file.size, type: file.type, storedBytes: file.size, chunks: 1, verified: true });
  await db.packChunks.put({ sha256: file.sha256, index: 0, data: new Blob([new Uint8Array(bytes)]) });
}

const summaryOf = (manifest: StoredPackManifest, version: number) => ({
  id: manifest.course.id,
  version,
  title: manifest.course.title,
  summary: manifest.course.summary,
  totalBytes: manifest.files.reduce((n, f) => n + f.size, 0),
  fileCount: manifest.files.length,
  importedAt: new Date().toISOString(),
  listedAt: new Date().toISOString(),
});

describe('training on the tablet', () => {
  freshTabletEach('en');

  it('the player says when a video format cannot play here or a file is missing, and shows a quiz read-only', async () => {
    const centre = await enrolledTablet('trainer');
    await login(centre.staff.id, centre.pin);
    const { manifest, files } = servedManifest();
    // The clip is on the tablet; the apple picture is not (a file lost from storage).
    await holdFile(manifest, 'media/clip.webm', files['media/clip.webm']!);
    await holdFile(manifest, 'media/pear.webp', files['media/pear.webp']!);
    await db.packs.put({ id: manifest.course.id, ready: { version: 1, manifest, totalBytes: 0 }, updatedAt: new Date().toISOString() });

    const { router } = renderApp('/training/test-course/one?step=2');
    expect((await screen.findByTestId('media-missing', {}, { timeout: 5000 })).textContent).toContain('This file is missing from the tablet');
    expect(screen.getByTestId('lesson-step-count').textContent).toBe('Step 2 of 4');

    fireEvent.click(screen.getByTestId('lesson-next'));
    // This browser plays no video format at all: the step says so instead of showing a broken player.
    expect((await screen.findByTestId('media-unplayable')).textContent).toContain('This tablet cannot play this video format (video/webm).');
    expect(router.state.location.search).toEqual({ step: 3 });

    fireEvent.click(screen.getByTestId('lesson-next'));
    const quiz = await screen.findByTestId('lesson-quiz');
    expect(within(quiz).getAllByTestId('quiz-answer').map((a) => a.querySelector('.quiz-answer-text')?.textContent)).toEqual(['This one', 'That one']);
    expect(within(quiz).queryByText('Right answer')).toBeNull();
    fireEvent.click(within(quiz).getByTestId('quiz-show-answer'));
    await waitFor(() => expect(within(quiz).getAllByTestId('quiz-answer')[0]!.textContent).toContain('Right answer'));
    expect(within(quiz).getAllByTestId('quiz-answer')[1]!.textContent).not.toContain('Right answer');
    expect(screen.getByTestId('lesson-finish')).toBeTruthy();
  });

  it('the list tells a pack the county withdrew, and offers a newer version of another', async () => {
    const centre = await enrolledTablet('clerk');
    await login(centre.staff.id, centre.pin);
    const withdrawn = servedManifest('old-course').manifest;
    const updated = servedManifest('new-course').manifest;
    const now = new Date().toISOString();
    await db.packs.bulkPut([
      { id: 'old-course', ready: { version: 1, manifest: withdrawn, totalBytes: 0 }, removedOnServer: true, updatedAt: now },
      { id: 'new-course', ready: { version: 1, manifest: updated, totalBytes: 0 }, updatedAt: now },
    ]);
    await db.packCatalog.put(summaryOf(updated, 2));

    renderApp('/training');
    const cards = await screen.findAllByTestId('pack-card', {}, { timeout: 5000 });
    const card = (id: string) => cards.find((c) => c.getAttribute('data-pack') === id)!;
    expect(within(card('old-course')).getByTestId('pack-removed').textContent).toBe(
      'The county no longer offers this pack. It keeps working on this tablet until you delete it.',
    );
    expect(within(card('old-course')).getByTestId('pack-open')).toBeTruthy();
    expect(within(card('new-course')).getByTestId('pack-update').textContent).toBe('Update to version 2');
    expect(within(card('new-course')).queryByTestId('pack-removed')).toBeNull();
  });

  it('a download stopped halfway shows what is kept and offers resume and removal', async () => {
    const centre = await enrolledTablet('admin');
    await login(centre.staff.id, centre.pin);
    const { manifest, files } = servedManifest();
    await holdFile(manifest, 'media/clip.webm', files['media/clip.webm']!);
    const total = manifest.files.reduce((n, f) => n + f.size, 0);
    await db.packs.put({ id: 'test-course', wanted: { version: 1, manifest, totalBytes: total }, stoppedBy: 'storage_full', updatedAt: new Date().toISOString() });

    renderApp('/training');
    const stopped = await screen.findByTestId('pack-stopped', {}, { timeout: 5000 });
    expect(stopped.textContent).toBe(
      'The tablet’s storage is full. What arrived is kept: free some space and resume, or remove the partial download.',
    );
    const figures = screen.getByTestId('download-figures');
    await waitFor(() => expect(Number(figures.getAttribute('data-done'))).toBe(files['media/clip.webm']!.length));
    expect(screen.getByTestId('pack-resume')).toBeTruthy();

    fireEvent.click(screen.getByTestId('pack-discard'));
    await waitFor(async () => expect(await db.packs.count()).toBe(0));
    expect(await db.packFiles.count()).toBe(0);
    expect(await db.packChunks.count()).toBe(0);
  });
});

