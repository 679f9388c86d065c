import * as v from 'valibot';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../domain/text';

/**
 * A course pack: one course of lessons made of steps, with its media files.
 * The county imports it (server: packs/import-pack.ts); the tablet downloads
 * the manifest, then every file by its sha256, and checks each against it.
 */
export const PACK_FORMAT = 'cunzhan-pack-1';

/** Where the manifest sits in a pack folder or zip. */
export const MANIFEST_FILE = 'manifest.json';

/** Bounds that keep one pack something a tablet can hold and a person can page through. */
export const PACK_LIMITS = {
  lessons: 50,
  stepsPerLesson: 40,
  files: 500,
  answers: 6,
  /** One media file: a few minutes of small video. */
  fileBytes: 200 * 1024 * 1024,
  /** The whole pack. */
  packBytes: 1024 * 1024 * 1024,
  textLength: 2000,
  titleLength: 120,
} as const;

/** The media a tablet can show or play (no SVG: it can carry script). */
export const MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'audio/mpeg',
  'audio/ogg',
  'audio/webm',
  'audio/mp4',
  'video/mp4',
  'video/webm',
] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const STEP_KINDS = ['text', 'image', 'audio', 'video', 'quiz'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const storable = v.pipe(v.string(), v.check(isStorableText, UNSTORABLE_TEXT_MESSAGE));
const localText = (max: number) => {
  const one = v.pipe(storable, v.trim(), v.minLength(1, 'text is empty'), v.maxLength(max));
  // Every pack speaks all three languages of the app.
  return v.strictObject({ 'zh-CN': one, en: one, ug: one });
};
const title = localText(PACK_LIMITS.titleLength);
const body = localText(PACK_LIMITS.textLength);

/** Ids of a course, lesson, step or answer: short, URL-safe. */
export const packId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is 1-64 characters of a-z, 0-9 and -'));

/**
 * A file's path inside the pack: relative, forward slashes, plain names. A
 * path with `..`, `.`, an empty part or a leading slash could leave the folder.
 */
export function isSafePackPath(path: string): boolean {
  if (path.length === 0 || path.length > 200) return false;
  if (path === MANIFEST_FILE) return false;
  return path.split('/').every((part) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(part));
}
export const packPath = v.pipe(
  v.string(),
  v.check(isSafePackPath, 'a file path is relative, with forward slashes, and no part may be empty, ".", ".." or start with "."'),
);

export const sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lowercase hex digits'));

const fileSize = v.pipe(v.number(), v.integer(), v.minValue(1, 'a file is empty'), v.maxValue(PACK_LIMITS.fileBytes));

const answer = v.strictObject({ id: packId, text: title, image: v.optional(packPath) });
const quiz = v.strictObject({
  question: body,
  answers: v.pipe(v.array(answer), v.minLength(2), v.maxLength(PACK_LIMITS.answers)),
  /** The id of the right answer. */
  correct: packId,
  /** The question spoken, for villagers who read little (an audio file of the pack). */
  audio: v.optional(packPath),
});

const step = v.strictObject({
  id: packId,
  kind: v.picklist(STEP_KINDS),
  text: v.optional(body),
  media: v.optional(packPath),
  quiz: v.optional(quiz),
});

const lesson = v.strictObject({
  id: packId,
  title,
  steps: v.pipe(v.array(step), v.minLength(1), v.maxLength(PACK_LIMITS.stepsPerLesson)),
});

const course = v.strictObject({ id: packId, title, summary: body, cover: v.optional(packPath) });

/** A file as the author lists it: sha256 and size are checked when given. */
const listedFile = v.strictObject({
  path: packPath,
  type: v.picklist(MEDIA_TYPES, `a file type is one of ${MEDIA_TYPES.join(', ')}`),
  sha256: v.optional(sha256Hex),
  size: v.optional(fileSize),
});
/** A file as the server serves it: its hash and size always known. */
const storedFile = v.strictObject({ ...listedFile.entries, sha256: sha256Hex, size: fileSize });

function duplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** What must hold across the parts: unique ids, every step complete, every media path listed with a fitting type. */
export function manifestProblem(m: {
  course: { cover?: string | undefined };
  lessons: readonly v.InferOutput<typeof lesson>[];
  files: readonly { path: string; type: string }[];
}): string | undefined {
  const typeOf = new Map(m.files.map((f) => [f.path, f.type]));
  const dupFile = duplicate(m.files.map((f) => f.path));
  if (dupFile) return `file ${dupFile} is listed twice`;
  const dupLesson = duplicate(m.lessons.map((l) => l.id));
  if (dupLesson) return `lesson id ${dupLesson} is used twice`;
  const needs = (path: string | undefined, where: string, family: string): string | undefined => {
    if (path === undefined) return `${where} has no media`;
    const type = typeOf.get(path);
    if (!type) return `${where} uses ${path}, which is not in files`;
    if (!type.startsWith(`${family}/`)) return `${where} uses ${path}, which is ${type}, not ${family}`;
    return undefined;
  };
  if (m.course.cover !== undefined) {
    const problem = needs(m.course.cover, 'the course cover', 'image');
    if (problem) return problem;
  }
  for (const l of m.lessons) {
    const dupStep = duplicate(l.steps.map((s) => s.id));
    if (dupStep) return `lesson ${l.id}: step id ${dupStep} is used twice`;
    for (const s of l.steps) {
      const where = `lesson ${l.id}, step ${s.id}`;
      if (s.kind === 'text' && !s.text) return `${where} is a text step with no text`;
      if (s.kind === 'image' || s.kind === 'audio' || s.kind === 'video') {
        const problem = needs(s.media, where, s.kind);
        if (problem) return problem;
      } else if (s.media !== undefined) {
        return `${where} is a ${s.kind} step and cannot have media`;
      }
      if (s.kind === 'quiz') {
        if (!s.quiz) return `${where} is a quiz step with no quiz`;
        const dupAnswer = duplicate(s.quiz.answers.map((a) => a.id));
        if (dupAnswer) return `${where}: answer id ${dupAnswer} is used twice`;
        if (!s.quiz.answers.some((a) => a.id === s.quiz?.correct)) return `${where}: the correct answer ${s.quiz.correct} is not one of its answers`;
        if (s.quiz.audio !== undefined) {
          const problem = needs(s.quiz.audio, `${where}, its spoken question`, 'audio');
          if (problem) return problem;
        }
        for (const a of s.quiz.answers) {
          if (a.image === undefined) continue;
          const problem = needs(a.image, `${where}, answer ${a.id}`, 'image');
          if (problem) return problem;
        }
      } else if (s.quiz) {
        return `${where} is a ${s.kind} step and cannot have a quiz`;
      }
    }
  }
  return undefined;
}

function manifestOf<F extends typeof listedFile | typeof storedFile>(file: F) {
  return v.pipe(
    v.strictObject({
      format: v.literal(PACK_FORMAT),
      course,
      lessons: v.pipe(v.array(lesson), v.minLength(1), v.maxLength(PACK_LIMITS.lessons)),
      files: v.pipe(v.array(file), v.maxLength(PACK_LIMITS.files)),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = manifestProblem(dataset.value);
      if (problem) addIssue({ message: problem });
    }),
  );
}

/** The manifest an author writes (manifest.json in the pack). */
export const packManifest = manifestOf(listedFile);
export type PackManifest = v.InferOutput<typeof packManifest>;

/** The manifest the server keeps and serves: every file's sha256 and size filled in. */
export const storedPackManifest = manifestOf(storedFile);
export type StoredPackManifest = v.InferOutput<typeof storedPackManifest>;
export type PackFile = StoredPackManifest['files'][number];
export type PackLesson = StoredPackManifest['lessons'][number];
export type PackStep = PackLesson['steps'][number];
