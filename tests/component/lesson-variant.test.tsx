import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import type { StoredPackManifest } from '../../src/shared/packs/pack-manifest';
import { lessonHash, variantIdOf } from '../../src/shared/training/lesson-variants';
import { testPack } from '../server/support/pack-fixture';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The fixture pack as the server serves it (no media held: the steps tested here are words). */
function servedManifest(): StoredPackManifest {
  const pack = testPack();
  const files = pack.manifest.files.map((f) => ({ ...f, sha256: sha256(pack.files[f.path]!), size: pack.files[f.path]!.length }));
  return { ...pack.manifest, files } as StoredPackManifest;
}

/** The tablet holds `manifest` as its pack's `version`, ready to play. */
async function holdPack(manifest: StoredPackManifest, version = 1): Promise<void> {
  await db.packs.put({ id: manifest.course.id, ready: { version, manifest, totalBytes: 0 }, updatedAt: new Date().toISOString() });
}

/** Someone of `role` signed in on a tablet holding the fixture pack (version 1); its manifest. */
async function signedInWithPack(role: 'trainer' | 'clerk'): Promise<StoredPackManifest> {
  const centre = await enrolledTablet(role);
  await login(centre.staff.id, centre.pin);
  const manifest = servedManifest();
  await holdPack(manifest);
  return manifest;
}

const stepOf = (id: string) => screen.getAllByTestId('variant-step').find((li) => li.dataset['step'] === id)!;

describe('adapting a lesson on the tablet', () => {
  freshTabletEach('en');

  it('a trainer rewrites a step, moves it and hides another; the player plays the variant, the original stays intact', async () => {
    const manifest = await signedInWithPack('trainer');
    const original = structuredClone(manifest);

    const { router } = renderApp('/training/test-course/one?step=1');
    fireEvent.click(await screen.findByTestId('variant-adapt', {}, { timeout: 5000 }));
    await screen.findByTestId('variant-editor');
    expect(screen.getAllByTestId('variant-step').map((li) => li.dataset['step'])).toEqual(['read', 'look', 'watch', 'quiz']);

    const words = within(stepOf('read')).getByTestId('variant-step-text') as HTMLTextAreaElement;
    expect(words.value).toBe('Read this');
    fireEvent.input(words, { target: { value: 'Read this aloud, together' } });
    fireEvent.click(within(stepOf('read')).getByTestId('variant-move-down'));
    fireEvent.click(within(stepOf('watch')).getByTestId('variant-hide'));
    await waitFor(() => expect(screen.getAllByTestId('variant-step').map((li) => li.dataset['step'])).toEqual(['look', 'read', 'watch', 'quiz']));
    expect(within(stepOf('read')).getByText('Rewritten')).toBeTruthy();
    expect(within(stepOf('watch')).getByText('Hidden')).toBeTruthy();
    expect(screen.getByTestId('variant-visible-count').textContent).toBe('Plays 3 of 4 steps');

    fireEvent.click(screen.getByTestId('variant-save'));
    await screen.findByTestId('lesson-player');
    await waitFor(() => expect(router.state.location.pathname).toBe('/training/test-course/one'));
    expect((await screen.findByTestId('variant-banner')).textContent).toContain("Playing this centre's adapted lesson");
    expect(screen.getByTestId('lesson-step-count').textContent).toBe('Step 1 of 3');
    expect(screen.getByTestId('lesson-step').dataset['kind']).toBe('image');
    fireEvent.click(screen.getByTestId('lesson-next'));
    await waitFor(() => expect(screen.getByTestId('lesson-step').textContent).toBe('Read this aloud, together'));
    fireEvent.click(screen.getByTestId('lesson-next'));
    await waitFor(() => expect(screen.getByTestId('lesson-step').dataset['kind']).toBe('quiz'));

    // The pack's own lesson, one tap away, and untouched.
    fireEvent.click(screen.getByTestId('variant-toggle-original'));
    await waitFor(() => expect(screen.getByTestId('lesson-step-count').textContent).toBe('Step 1 of 4'));
    expect(screen.getByTestId('lesson-step').textContent).toBe('Read this');
    expect((await db.packs.get('test-course'))?.ready?.manifest).toEqual(original);

    // Saved as this centre's variant, queued to sync.
    const variant = await db.lessonVariants.get(variantIdOf('test-course', 'one'));
    expect(variant).toMatchObject({ order: ['look', 'read', 'watch', 'quiz'], hidden: ['watch'], texts: { read: { en: 'Read this aloud, together' } }, baseVersion: 1 });
    expect(variant?.baseHash).toBe(lessonHash(original.lessons[0]!));
    expect((await db.outbox.toArray()).map((e) => e.kind)).toEqual(['training.variantSave']);
  });

  it('a new pack version keeps the variant and says the original changed', async () => {
    const manifest = await signedInWithPack('trainer');
    renderApp('/training/test-course/one/adapt');
    const words = within(await screen.findByTestId('variant-editor', {}, { timeout: 5000 })).getAllByTestId('variant-step-text')[0] as HTMLTextAreaElement;
    fireEvent.input(words, { target: { value: 'Our own words' } });
    fireEvent.click(screen.getByTestId('variant-save'));
    await screen.findByTestId('variant-banner');
    expect(screen.queryByTestId('variant-original-changed')).toBeNull();

    // Version 2 rewrote the lesson's first step.
    const lessons = manifest.lessons.map((l) => ({ ...l, steps: l.steps.map((s) => (s.id === 'read' ? { ...s, text: { ...s.text!, en: 'Read this first' } } : s)) }));
    await holdPack({ ...manifest, lessons }, 2);
    expect((await screen.findByTestId('variant-original-changed')).textContent).toContain('version 1 → 2');
    expect(screen.getByTestId('lesson-step').textContent).toBe('Our own words');
    fireEvent.click(screen.getByTestId('variant-toggle-original'));
    await waitFor(() => expect(screen.getByTestId('lesson-step').textContent).toBe('Read this first'));
  });

  it('a clerk plays lessons but is not offered to adapt them', async () => {
    await signedInWithPack('clerk');
    renderApp('/training/test-course/one?step=1');
    await screen.findByTestId('lesson-player', {}, { timeout: 5000 });
    expect(screen.queryByTestId('variant-adapt')).toBeNull();
  });
});
