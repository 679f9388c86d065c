import type { Plugin } from 'vite';
import { firstScreenModules } from './first-screen-modules.ts';

/**
 * Few files for the first screens. Left alone, the bundler cuts the code
 * the entry and the signed-in screen need into some seventy small chunks
 * (each module shared with some lazy screen gets its own), and on a slow
 * link each file costs a round trip and its headers: six at a time over
 * HTTP/1.1, 400 ms each, was most of a cold load. Here everything the entry
 * imports statically goes into the entry's chunk, and everything the
 * signed-in screen adds (first-screen-preload.ts) into one more; the
 * enrol, sign-in and removed-tablet screens with what they import into a
 * third, so a tablet not yet signed in never loads the signed-in code (and
 * a signed-in one not the enrolment's: what both import is the entry's). The
 * PIN's check is a fourth, shared by the sign-in screen and a sale's admin
 * approval. The other screens keep their own chunks.
 */
export function firstScreenChunks(): Plugin {
  let entry = new Set<string>();
  let gate = new Set<string>();
  let signedIn = new Set<string>();
  let pin = new Set<string>();
  return {
    name: 'cunzhan-first-screen-chunks',
    apply: 'build',
    buildEnd() {
      const modules = firstScreenModules(this);
      if (!modules) return;
      ({ entry, gate, signedIn, pin } = modules);
    },
    outputOptions(options) {
      if (options.codeSplitting !== undefined) return options;
      return {
        ...options,
        codeSplitting: {
          groups: [
            { name: 'app', test: (id: string) => entry.has(id), priority: 4 },
            { name: 'pin', test: (id: string) => pin.has(id), priority: 3 },
            // Taken before the signed-in group, which would otherwise pull them in as its dependencies.
            { name: 'gate', test: (id: string) => gate.has(id), priority: 2 },
            { name: 'signed-in', test: (id: string) => signedIn.has(id), priority: 1 },
          ],
        },
      };
    },
  };
}
