import type { Plugin } from 'vite';
import { SIGNED_IN_MODULES } from './first-screen-preload.ts';

const ENTRY = 'src/client/main.tsx';
/** The screens before sign-in: what they share with the signed-in screen stays out of its chunk, or they would load it all. */
const BEFORE_SIGN_IN = ['src/client/features/enrol/EnrolScreen.tsx', 'src/client/features/login/LoginScreen.tsx', 'src/client/features/revoked/RevokedScreen.tsx'];

interface ModuleGraph {
  getModuleIds(): IterableIterator<string> | string[];
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

const endsWith = (module: string) => (id: string) => id.replaceAll('\\', '/').endsWith(module);

/** `roots` and every module they import statically, transitively. */
function staticClosure(graph: ModuleGraph, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const next of graph.getModuleInfo(id)?.importedIds ?? []) visit(next);
  }
  for (const root of roots) visit(root);
  return seen;
}

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
 * other screens keep their own chunks.
 */
export function firstScreenChunks(): Plugin {
  let entry = new Set<string>();
  let gate = new Set<string>();
  let signedIn = new Set<string>();
  return {
    name: 'cunzhan-first-screen-chunks',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const entryId = ids.find(endsWith(ENTRY));
      if (!entryId) return;
      entry = staticClosure(this, [entryId]);
      const roots = SIGNED_IN_MODULES.map(({ module }) => ids.find(endsWith(module))).filter((id): id is string => id !== undefined);
      signedIn = staticClosure(this, roots);
      const before = BEFORE_SIGN_IN.map((module) => ids.find(endsWith(module))).filter((id): id is string => id !== undefined);
      gate = staticClosure(this, before);
      // What both need goes with the entry: the signed-in screen would otherwise load the whole gate
      // chunk (enrolment and its replies' checks) for a few shared modules.
      for (const id of gate) if (signedIn.has(id)) entry.add(id);
      for (const id of entry) gate.delete(id);
      for (const id of [...entry, ...gate]) signedIn.delete(id);
    },
    outputOptions(options) {
      if (options.codeSplitting !== undefined) return options;
      return {
        ...options,
        codeSplitting: {
          groups: [
            { name: 'app', test: (id: string) => entry.has(id), priority: 3 },
            // Taken before the signed-in group, which would otherwise pull them in as its dependencies.
            { name: 'gate', test: (id: string) => gate.has(id), priority: 2 },
            { name: 'signed-in', test: (id: string) => signedIn.has(id), priority: 1 },
          ],
        },
      };
    },
  };
}
