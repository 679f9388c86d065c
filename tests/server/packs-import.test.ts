import { createHash } from 'node:crypto';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import-pack';
import { MediaFiles, mediaDirOf } from '../../src/server/packs/media-files';
import { PackRefused, type PackRefusal } from '../../src/server/packs/pack-refused';
import type { Store } from '../../src/server/store/store';
import { filesUnder, tempDir, testPack, writePackFolder, writePackZip, type TestPack } from './support/pack-fixture';
import { storeKinds, type OpenedStore } from './support/stores';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(storeKinds())('importing course packs on $name', (kind) => {
  let opened: OpenedStore;
  let media: MediaFiles;

  beforeAll(async () => {
    opened = await kind.open();
    media = new MediaFiles(mediaDirOf(opened.config.dataDir));
  });
  afterAll(() => opened.dispose());

  const importFrom = (path: string, store: Store = opened.store) => importPack(store, media, path);

  /** Imports and expects a refusal for `reason` whose message names `naming`; the store and the media folder stay as they were. */
  async function expectRefused(path: string, reason: PackRefusal, naming: string | RegExp, packId = 'test-course') {
    const packsBefore = await opened.store.packs.latestVersions();
    const filesBefore = filesUnder(media.dir);
    const error = await importFrom(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackRefused);
    expect((error as PackRefused).reason).toBe(reason);
    expect((error as PackRefused).message).toMatch(naming);
    expect(await opened.store.packs.latestVersions()).toEqual(packsBefore);
    const latest = packsBefore.find((p) => p.id === packId)?.version ?? 0;
    expect(await opened.store.packs.getVersion(packId, latest + 1)).toBeUndefined();
    expect(filesUnder(media.dir)).toEqual(filesBefore.filter((f) => !f.startsWith('.incoming/')));
  }

  let first: TestPack;

  it('imports a folder: the files are kept by hash, the manifest gets each hash and size', async () => {
    first = testPack();
    const result = await importFrom(writePackFolder(first));
    expect(result).toMatchObject({ id: 'test-course', version: 1, created: true, files: 4, newFiles: 4 });
    const total = Object.values(first.files).reduce((n, b) => n + b.length, 0);
    expect(result.totalBytes).toBe(total);

    const stored = await opened.store.packs.getVersion('test-course', 1);
    expect(stored?.totalBytes).toBe(total);
    for (const file of stored!.manifest.files) {
      const bytes = first.files[file.path]!;
      expect(file).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
      expect(sha256(readFileSync(media.pathOf(file.sha256)))).toBe(file.sha256);
    }
    expect(filesUnder(media.dir)).toEqual(Object.values(first.files).map(sha256).sort());
  });

  it('importing the same pack again changes nothing', async () => {
    const again = await importFrom(writePackFolder(first));
    expect(again).toMatchObject({ version: 1, created: false, newFiles: 0, newBytes: 0 });
    expect((await opened.store.packs.latestVersions()).map((p) => [p.id, p.version])).toEqual([['test-course', 1]]);
  });

  it('a changed pack becomes the next version, and only its changed file is new', async () => {
    const changed = { ...first, files: { ...first.files, 'media/clip.webm': Buffer.from(first.files['media/clip.webm']!).fill(7, 0, 10) } };
    const before = filesUnder(media.dir);
    const result = await importFrom(writePackFolder(changed));
    expect(result).toMatchObject({ version: 2, created: true, files: 4, newFiles: 1, newBytes: changed.files['media/clip.webm']!.length });
    expect(filesUnder(media.dir)).toEqual([...before, sha256(changed.files['media/clip.webm']!)].sort());
    // The old version stays readable for tablets still on it.
    expect((await opened.store.packs.getVersion('test-course', 1))?.manifest.files.find((f) => f.path === 'media/clip.webm')?.sha256).toBe(
      sha256(first.files['media/clip.webm']!),
    );
    expect((await opened.store.packs.latestVersions()).map((p) => p.version)).toEqual([2]);
  });

  it('imports a zip, also one holding the pack in a folder', async () => {
    const other = testPack('zipped-course');
    expect(await importFrom(writePackZip(other))).toMatchObject({ id: 'zipped-course', version: 1, created: true, newFiles: 4 });
    const third = testPack('foldered-zip');
    expect(await importFrom(writePackZip(third, 'my-pack/'))).toMatchObject({ id: 'foldered-zip', version: 1, files: 4 });
    expect((await opened.store.packs.latestVersions()).map((p) => p.id)).toEqual(['foldered-zip', 'test-course', 'zipped-course']);
  });

  it('checks the sizes and hashes the manifest states', async () => {
    const pack = testPack('checked-course');
    pack.manifest.files = pack.manifest.files.map((f) => ({ ...f, sha256: sha256(pack.files[f.path]!), size: pack.files[f.path]!.length }));
    expect(await importFrom(writePackFolder(pack))).toMatchObject({ id: 'checked-course', version: 1 });
  });

  describe('refuses, naming the problem and keeping nothing of the pack', () => {
    // Each bad pack breaks its last file, so the files before it were already read and staged.
    const broken = (change: (pack: TestPack) => void) => {
      const pack = testPack();
      for (const path of Object.keys(pack.files)) pack.files[path] = Buffer.concat([pack.files[path]!, Buffer.from('new')]);
      change(pack);
      return pack;
    };

    it('a file the manifest lists but the pack lacks', async () => {
      const pack = broken((p) => delete p.files['media/clip.webm']);
      await expectRefused(writePackFolder(pack), 'missing_file', 'media/clip.webm');
      await expectRefused(writePackZip(pack), 'missing_file', 'media/clip.webm');
    });

    it('a file whose checksum or size differs from the manifest', async () => {
      const badSum = broken((p) => {
        p.manifest.files[3] = { ...p.manifest.files[3]!, sha256: sha256(Buffer.from('something else')) };
      });
      await expectRefused(writePackFolder(badSum), 'checksum_mismatch', /media\/clip\.webm has sha256 [0-9a-f]{64}, the manifest says/);
      const badSize = broken((p) => {
        p.manifest.files[3] = { ...p.manifest.files[3]!, size: 12 };
      });
      await expectRefused(writePackFolder(badSize), 'size_mismatch', 'media/clip.webm is 150003 bytes, the manifest says 12');
    });

    it('a manifest that is not JSON, breaks the schema, or contradicts itself', async () => {
      await expectRefused(writePackFolder({ manifest: '{"format": "cunzhan-pack-1", ', files: {} }), 'bad_manifest', 'manifest.json is not JSON');
      const untranslated = broken((p) => {
        (p.manifest.course.title as Record<string, string>).ug = '';
      });
      await expectRefused(writePackFolder(untranslated), 'bad_manifest', 'course.title.ug: text is empty');
      const wrongAnswer = broken((p) => {
        (p.manifest.lessons[0]!.steps[3]!.quiz as { correct: string }).correct = 'plum';
      });
      await expectRefused(writePackFolder(wrongAnswer), 'bad_manifest', 'lesson one, step quiz: the correct answer plum is not one of its answers');
      const unlisted = broken((p) => {
        p.manifest.lessons[0]!.steps[1]!.media = 'media/plum.webp';
      });
      await expectRefused(writePackFolder(unlisted), 'bad_manifest', 'lesson one, step look uses media/plum.webp, which is not in files');
      const noManifest = tempDir();
      writeFileSync(join(noManifest, 'readme.txt'), 'hello');
      await expectRefused(noManifest, 'no_manifest', 'manifest.json');
    });

    it('a path that leads out of the pack, written or through a link', async () => {
      const outside = tempDir();
      writeFileSync(join(outside, 'secret.webm'), 'not for tablets');
      const dotted = broken((p) => {
        p.manifest.files[3] = { ...p.manifest.files[3]!, path: '../secret.webm' };
        p.manifest.lessons[0]!.steps[2]!.media = '../secret.webm';
      });
      await expectRefused(writePackFolder(dotted), 'path_escape', '"../secret.webm", which leads outside the pack');
      const absolute = broken((p) => {
        p.manifest.files[3] = { ...p.manifest.files[3]!, path: join(outside, 'secret.webm') };
      });
      await expectRefused(writePackFolder(absolute), 'path_escape', 'leads outside the pack');

      const linked = broken((p) => delete p.files['media/clip.webm']);
      const dir = writePackFolder(linked);
      symlinkSync(join(outside, 'secret.webm'), join(dir, 'media/clip.webm'));
      await expectRefused(dir, 'path_escape', 'media/clip.webm leads outside the pack folder');
    });

    it('a file that is not a zip, or a path with nothing at it', async () => {
      const notZip = join(tempDir(), 'pack.zip');
      writeFileSync(notZip, 'PK but not really a zip file at all');
      await expectRefused(notZip, 'not_a_zip', 'is not a readable zip file');
      const text = join(tempDir(), 'pack.txt');
      writeFileSync(text, 'just some text');
      await expectRefused(text, 'not_a_zip', 'pack.txt is not a zip file');
      await expectRefused(join(tempDir(), 'nothing-here'), 'not_found', 'no file or folder at');
    });

    it('a pack the database fails to record leaves no new files behind', async () => {
      const pack = testPack('unlucky-course');
      const failing = new Proxy(opened.store, {
        get(target, key) {
          if (key !== 'packs') return Reflect.get(target, key) as unknown;
          const packs = target.packs;
          return {
            recordVersion: () => Promise.reject(new Error('disk I/O error')),
            latestVersions: () => packs.latestVersions(),
            getVersion: (id: string, v: number) => packs.getVersion(id, v),
            mediaFile: (h: string) => packs.mediaFile(h),
            knownMedia: (h: readonly string[]) => packs.knownMedia(h),
          };
        },
      });
      const before = filesUnder(media.dir);
      await expect(importFrom(writePackFolder(pack), failing)).rejects.toThrow('disk I/O error');
      expect(filesUnder(media.dir)).toEqual(before);
      expect(await opened.store.packs.getVersion('unlucky-course', 1)).toBeUndefined();
    });
  });
});
