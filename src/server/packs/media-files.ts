import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Where media files live under DATA_DIR. */
export function mediaDirOf(dataDir: string): string {
  return join(dataDir, 'media');
}

/**
 * Media files kept once each, named by their sha256, under DATA_DIR/media.
 * An import stages its files in a folder of its own under `.incoming`, then
 * renames each into place, so a half-written file never has a hash's name.
 */
export class MediaFiles {
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    return join(this.dir, sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** A fresh staging folder; the caller removes it when done. */
  async stagingDir(): Promise<string> {
    const dir = join(this.dir, '.incoming', randomUUID());
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** Moves a staged, checked file into place unless one is there already; true when it placed it. */
  async place(staged: string, sha256: string): Promise<boolean> {
    if (this.has(sha256)) return false;
    // Flushed before its rename: after a power cut a hash's name never holds less than the hash says.
    const handle = await open(staged, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(staged, this.pathOf(sha256));
    return true;
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}
