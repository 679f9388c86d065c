/** A path that reaches out of the pack: absolute, a drive, a backslash, or a `..` part. */
function escapes(path: string): boolean {
  return path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..');
}

type Loose = Record<string, unknown>;

/** The field of an object of an unchecked manifest (undefined when it is no object). */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Loose)[key] : undefined;
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every value where an unchecked manifest names a file: the cover, files, step media, answer pictures. */
function pathsIn(manifest: unknown): unknown[] {
  const paths: unknown[] = [field(field(manifest, 'course'), 'cover')];
  for (const file of items(field(manifest, 'files'))) paths.push(field(file, 'path'));
  for (const lesson of items(field(manifest, 'lessons'))) {
    for (const step of items(field(lesson, 'steps'))) {
      paths.push(field(step, 'media'));
      for (const answer of items(field(field(step, 'quiz'), 'answers'))) paths.push(field(answer, 'image'));
    }
  }
  return paths;
}

/**
 * The first path in a manifest (not yet checked) that would lead outside the
 * pack, so the refusal can say so plainly rather than as a schema detail.
 */
export function escapingPath(manifest: unknown): string | undefined {
  return pathsIn(manifest).find((p): p is string => typeof p === 'string' && escapes(p));
}
