import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDemoCourse } from '../../src/server/seed/demo-course';
import type { StoredPackVersion } from '../../src/server/packs/pack-store';
import { LANGUAGES } from '../../src/shared/domain/entities';
import { storeKinds, type OpenedStore } from './support/stores';

describe.each(storeKinds())('the demo course pack on $name', (kind) => {
  let opened: OpenedStore;
  let pack: StoredPackVersion;

  beforeAll(async () => {
    opened = await kind.open();
    const imported = await importDemoCourse(opened.store, opened.config.dataDir);
    pack = (await opened.store.packs.getVersion(imported.id, imported.version))!;
  });
  afterAll(() => opened.dispose());

  it('teaches selling produce online in four lessons, in every language, under 5 MB', () => {
    const { course, lessons, files } = pack.manifest;
    expect(course.title).toEqual({ 'zh-CN': '在网上卖农产品', en: 'Selling your produce online', ug: expect.stringMatching(/توردا/) });
    expect(lessons.map((l) => l.id)).toEqual(['open-shop', 'photos', 'listing', 'live-stream']);
    for (const lesson of lessons) {
      for (const lang of LANGUAGES) expect(lesson.title[lang].length, `${lesson.id} ${lang}`).toBeGreaterThan(0);
      expect(lesson.steps.some((s) => s.kind === 'quiz'), lesson.id).toBe(true);
    }
    expect(new Set(files.map((f) => f.type.split('/')[0]))).toEqual(new Set(['image', 'audio', 'video']));
    const pictureAnswers = lessons.flatMap((l) => l.steps).filter((s) => s.quiz?.answers.every((a) => a.image));
    expect(pictureAnswers.length).toBeGreaterThan(0);
    expect(pack.totalBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('is imported once however often the server starts', async () => {
    const again = await importDemoCourse(opened.store, opened.config.dataDir);
    expect(again).toMatchObject({ version: pack.version, created: false, newFiles: 0 });
  });
});
