import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { createHash } from 'node:crypto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { createCustomer } from '../../src/client/data/commands/customer-create';
import { db } from '../../src/client/data/db';
import type { StoredPackManifest } from '../../src/shared/packs/pack-manifest';
import { testPack } from '../server/support/pack-fixture';
import { enrolledTablet, freshTabletEach, renderApp, type TestCentre } from './support';

globalThis.Blob = NodeBlob as unknown as typeof Blob;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (s: string) => ({ 'zh-CN': `${s}（中文）`, en: s, ug: `${s} (ئۇيغۇرچە)` });

/**
 * The fixture pack with a second lesson: a question spoken aloud with word
 * answers, and a question whose author left no answers to choose from.
 */
async function holdPack(): Promise<StoredPackManifest> {
  const pack = testPack();
  pack.files['media/ask.ogg'] = Buffer.from('not really audio');
  pack.manifest.files.push({ path: 'media/ask.ogg', type: 'audio/ogg' });
  (pack.manifest.lessons as unknown[]).push({
    id: 'two',
    title: text('Lesson two'),
    steps: [
      { id: 'ask', kind: 'quiz', quiz: { question: text('How many?'), answers: [{ id: 'one', text: text('One') }, { id: 'two', text: text('Two') }], correct: 'two', audio: 'media/ask.ogg' } },
      { id: 'empty', kind: 'quiz', quiz: { question: text('Nothing to pick'), answers: [], correct: 'x' } },
    ],
  });
  const files = pack.manifest.files.map((f) => ({ ...f, sha256: sha256(pack.files[f.path]!), size: pack.files[f.path]!.length }));
  const manifest = { ...pack.manifest, files } as StoredPackManifest;
  for (const file of files) {
    await db.packFiles.put({ sha256: file.sha256, size: file.size, type: file.type, storedBytes: file.size, chunks: 1, verified: true });
    await db.packChunks.put({ sha256: file.sha256, index: 0, data: new Blob([new Uint8Array(pack.files[file.path]!)]) });
  }
  await db.packs.put({ id: manifest.course.id, ready: { version: 1, manifest, totalBytes: 0 }, updatedAt: new Date().toISOString() });
  return manifest;
}

async function villager(centre: TestCentre, name: string) {
  return createCustomer({ name, consent: false, phone: '', village: '', household: '', householdSize: 0, notes: '' }, centre.ctx);
}

async function markByName(name: string) {
  fireEvent.input(screen.getByTestId('session-search'), { target: { value: name } });
  fireEvent.click(await screen.findByTestId('session-mark'));
  await waitFor(() => expect(screen.getAllByTestId('session-attendee').map((r) => r.textContent).join()).toContain(name));
}

describe('a trainer session on the tablet', () => {
  freshTabletEach('en');

  it('marks who came (one added on the spot), runs the quiz in turn, survives a reload, and ends with each villager’s progress', async () => {
    const centre = await enrolledTablet('trainer');
    await login(centre.staff.id, centre.pin);
    await holdPack();
    const aynur = await villager(centre, 'Aynur');
    await villager(centre, 'Wang Fang');

    const first = renderApp('/training/test-course');
    // The whole course (a real 'change': the library's fireEvent.change sends 'input').
    const scope = (await screen.findByTestId('session-scope', {}, { timeout: 10_000 })) as HTMLSelectElement;
    scope.value = '';
    scope.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(scope.value).toBe(''));
    fireEvent.click(screen.getByTestId('session-start-button'));
    await screen.findByTestId('session-attendance', {}, { timeout: 10_000 });
    const sessionPath = first.router.state.location.pathname;
    expect(sessionPath).toMatch(/^\/training-session\//);

    await markByName('Aynur');
    await markByName('Wang Fang');
    fireEvent.click(screen.getByTestId('session-add-villager'));
    fireEvent.input(screen.getByTestId('session-add-name'), { target: { value: 'Memet' } });
    fireEvent.click(screen.getByTestId('session-add-save'));
    await waitFor(() => expect(screen.getAllByTestId('session-attendee')).toHaveLength(3));
    expect((await db.customers.toArray()).map((c) => c.name).sort()).toEqual(['Aynur', 'Memet', 'Wang Fang']);

    fireEvent.click(screen.getByTestId('session-to-quiz'));
    // The question with no answers is left out, and the trainer is told.
    expect((await screen.findByTestId('quiz-left-out')).textContent).toBe('1 question has no answers to choose from, so it is left out.');
    const turn = await screen.findByTestId('quiz-turn');
    expect(within(turn).getByTestId('quiz-turn-who').textContent).toContain('Aynur');
    expect(within(turn).getByText('Question 1 of 2')).toBeTruthy();
    // Picture answers: each tile shows its picture.
    await waitFor(() => expect(within(turn).getAllByTestId('quiz-tile').every((tile) => tile.querySelector('img'))).toBe(true));
    fireEvent.click(within(turn).getAllByTestId('quiz-tile')[0]!);
    expect((await screen.findByTestId('quiz-last')).textContent).toContain('Aynur: right!');
    await waitFor(() => expect(screen.getByTestId('quiz-turn-who').textContent).toContain('Wang Fang'));
    fireEvent.click(screen.getAllByTestId('quiz-tile')[1]!);
    await waitFor(() => expect(screen.getByTestId('quiz-turn-who').textContent).toContain('Memet'));
    fireEvent.click(screen.getByTestId('quiz-skip'));
    await waitFor(() => expect(screen.getByTestId('quiz-last').textContent).toContain('Memet skipped the question.'));

    // The tablet is reloaded mid-session: the session, its attendance and answers are all still there.
    cleanup();
    const second = renderApp(`${sessionPath}?part=quiz`);
    const resumed = await screen.findByTestId('quiz-turn', {}, { timeout: 10_000 });
    expect(within(resumed).getByText('Question 2 of 2')).toBeTruthy();
    expect(within(resumed).getByTestId('quiz-turn-who').textContent).toContain('Aynur');
    // The spoken question has a play button.
    expect(await within(resumed).findByTestId('quiz-audio')).toBeTruthy();
    for (let i = 0; i < 3; i++) {
      const before = screen.getByTestId('quiz-turn-who').textContent;
      fireEvent.click(screen.getByText('Two'));
      if (i < 2) await waitFor(() => expect(screen.getByTestId('quiz-turn-who').textContent).not.toBe(before));
    }
    fireEvent.click(await screen.findByTestId('session-to-results'));
    const results = await screen.findAllByTestId('session-result');
    expect(results.map((r) => r.textContent)).toEqual(['Aynur2 of 2 right', 'Wang Fang1 of 2 right', 'Memet1 of 2 right']);
    fireEvent.click(screen.getByTestId('session-end'));
    fireEvent.click(screen.getByTestId('session-end-confirm'));
    await screen.findByTestId('session-ended');
    expect(second.router.state.location.search).toEqual({ part: 'results' });

    // Rows as they will sync: three present, six answers, one ended session, all queued.
    expect((await db.attendances.toArray()).filter((a) => a.present)).toHaveLength(3);
    expect(await db.quizAnswers.count()).toBe(6);
    const kinds = (await db.outbox.toArray()).map((m) => m.kind).filter((k) => k.startsWith('training.'));
    expect(kinds.filter((k) => k === 'training.attend')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'training.answer')).toHaveLength(6);

    // The villager's page shows the lessons completed and the scores.
    cleanup();
    renderApp(`/villagers/${aynur.id}`);
    const card = await screen.findByTestId('villager-training', {}, { timeout: 10_000 });
    await waitFor(() => expect(within(card).getByTestId('villager-training-summary').textContent).toBe('2 lessons completed'));
    expect(within(card).getAllByTestId('villager-lesson-score').map((s) => s.textContent)).toEqual(['1 of 1 right', '1 of 1 right']);

    // And the centre's page for the course.
    cleanup();
    renderApp('/training-sessions');
    const course = await screen.findByTestId('course-progress', {}, { timeout: 10_000 });
    expect(within(course).getByTestId('course-sessions').textContent).toBe('1');
    expect(within(course).getByTestId('course-villagers').textContent).toBe('3');
    expect(within(course).getByTestId('course-completed').textContent).toBe('3');
  });

  it('a clerk sees the course but starts no session', async () => {
    const centre = await enrolledTablet('clerk');
    await login(centre.staff.id, centre.pin);
    await holdPack();
    renderApp('/training/test-course');
    await screen.findByTestId('training-pack', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('session-start')).toBeNull();
  });
});
