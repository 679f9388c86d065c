import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** DATA_DIR cannot hold the database: the server stops with this message, not a stack trace. */
export class DataDirUnusable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataDirUnusable';
  }
}

function why(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `(${code}): ${message}` : `: ${message}`;
}

function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Makes sure DATA_DIR exists and takes new files, before SQLite opens it:
 * SQLite would only say "unable to open database file", or fail later on
 * the first write of a read-only directory.
 */
export function prepareDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (isFile(dir)) throw new DataDirUnusable(`DATA_DIR ${dir} is not a directory`, { cause: error });
    throw new DataDirUnusable(`DATA_DIR ${dir} is missing and cannot be created ${why(error)}`, { cause: error });
  }
  // A real write, not access(W_OK): a read-only mount or a full disk fails it for root too.
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    writeFileSync(probe, 'ok');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const state = code === 'ENOSPC' ? 'full' : code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'read-only' : 'not writable';
    throw new DataDirUnusable(`DATA_DIR ${dir} is ${state} ${why(error)}`, { cause: error });
  } finally {
    rmSync(probe, { force: true });
  }
}

/** The same, for an error SQLite gives while opening the database file in DATA_DIR. */
export function unopenable(dir: string, file: string, error: unknown): DataDirUnusable {
  return new DataDirUnusable(`DATA_DIR ${dir}: cannot open ${file} ${why(error)}`, { cause: error });
}
