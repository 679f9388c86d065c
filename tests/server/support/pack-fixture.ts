import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { PACK_FORMAT } from '../../../src/shared/packs/pack-manifest';

const text = (s: string) => ({ 'zh-CN': `${s}（中文）`, en: s, ug: `${s} (ئۇيغۇرچە)` });

/** A small pack: a cover, a picture step, a video step and a quiz with picture answers. */
export function testPack(id = 'test-course') {
  const files: Record<string, Buffer> = {
    'media/cover.png': randomBytes(2_000),
    'media/apple.webp': randomBytes(3_000),
    'media/pear.webp': randomBytes(2_500),
    'media/clip.webm': randomBytes(150_000),
  };
  const manifest = {
    format: PACK_FORMAT,
    course: { id, title: text('Test course'), summary: text('A course for tests'), cover: 'media/cover.png' },
    lessons: [
      {
        id: 'one',
        title: text('Lesson one'),
        steps: [
          { id: 'read', kind: 'text', text: text('Read this') },
          { id: 'look', kind: 'image', media: 'media/apple.webp', text: text('An apple') },
          { id: 'watch', kind: 'video', media: 'media/clip.webm' },
          {
            id: 'quiz',
            kind: 'quiz',
            quiz: {
              question: text('Which is the apple?'),
              answers: [
                { id: 'apple', text: text('This one'), image: 'media/apple.webp' },
                { id: 'pear', text: text('That one'), image: 'media/pear.webp' },
              ],
              correct: 'apple',
            },
          },
        ],
      },
    ],
    files: [
      { path: 'media/cover.png', type: 'image/png' },
      { path: 'media/apple.webp', type: 'image/webp' },
      { path: 'media/pear.webp', type: 'image/webp' },
      { path: 'media/clip.webm', type: 'video/webm' },
    ] as { path: string; type: string; sha256?: string; size?: number }[],
  };
  return { manifest, files };
}
export type TestPack = ReturnType<typeof testPack>;

export function tempDir(prefix = 'cunzhan-pack-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes the pack as a folder (the manifest as given: an object, or raw text). */
export function writePackFolder(pack: { manifest: unknown; files: Record<string, Buffer> }, dir = tempDir()): string {
  writeFileSync(join(dir, 'manifest.json'), typeof pack.manifest === 'string' ? pack.manifest : JSON.stringify(pack.manifest));
  for (const [path, bytes] of Object.entries(pack.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

/** Writes the pack as a zip, inside a folder of its own when `folder` is given. */
export function writePackZip(pack: { manifest: unknown; files: Record<string, Buffer> }, folder = ''): string {
  const entries: Record<string, Uint8Array> = { [`${folder}manifest.json`]: Buffer.from(JSON.stringify(pack.manifest)) };
  for (const [path, bytes] of Object.entries(pack.files)) entries[folder + path] = bytes;
  const file = join(tempDir(), 'pack.zip');
  writeFileSync(file, zipSync(entries));
  return file;
}

/** Every file under `dir`, staging folders included, as relative paths. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}
