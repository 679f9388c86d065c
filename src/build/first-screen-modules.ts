/**
 * The chunks a reload while signed in needs before its first screen shows
 * (the router, the frame; the sell screen at "/"), named in
 * index.html at build time as `<meta name="preload-signed-in">` tags. The
 * small script placed after them (FIRST_SCREEN_PRELOAD_SCRIPT, allowed by its
 * hash in the server's CSP) turns them into preload links when a session is stored, so they are fetched in
 * the same wave as the entry chunk instead of one round trip after it. A
 * tablet not yet signed in fetches none of them. The same modules that
 * preloadSignedInScreen (src/client/app/first-screen.ts) imports as the app
 * starts: keep the two lists alike.
 */
export const SIGNED_IN_MODULES: readonly { module: string; path?: string }[] = [
  { module: 'src/client/app/routed.tsx' },
  { module: 'src/client/app/AppLayout.tsx' },
  { module: 'src/client/routes/sell.tsx', path: '/' },
];

const ENTRY = 'src/client/main.tsx';
/**
 * The PIN's check: the sign-in screen's, and a sale's or a handover's when an
 * admin's PIN allows it, never a signed-in reload's. A chunk of its own, so a
 * sale's code does not bring the enrolment's along with it.
 */
const PIN_CHECK = 'src/client/auth/check-pin.ts';
/** The screens before sign-in: what they share with the signed-in screen stays out of its chunk, or they would load it all. */
const BEFORE_SIGN_IN = ['src/client/features/enrol/EnrolScreen.tsx', 'src/client/features/login/LoginScreen.tsx', 'src/client/features/revoked/RevokedScreen.tsx'];

export interface ModuleGraph {
  getModuleIds(): IterableIterator<string> | string[];
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** The modules of the first screens, by the chunk they go in (first-screen-chunks.ts). */
export interface FirstScreenModules {
  /** The entry and everything it imports statically, with what the gate and the signed-in screen share. */
  entry: Set<string>;
  /** The enrol, sign-in and removed-tablet screens, less what the entry holds. */
  gate: Set<string>;
  /** The signed-in frame and the sell screen, less what the entry and the gate hold. */
  signedIn: Set<string>;
  /** The PIN's check and what it imports, less what the entry holds. */
  pin: Set<string>;
}

const endsWith = (module: string) => (id: string) => id.replaceAll('\\', '/').endsWith(module);

/** `roots` and every module they import statically, transitively. */
function staticClosure(graph: ModuleGraph, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const next of graph.getModuleInfo(id)?.importedIds ?? []) visit(next);
  };
  for (const root of roots) visit(root);
  return seen;
}

/** The first screens' modules in a finished module graph; undefined when the graph has no app entry. */
export function firstScreenModules(graph: ModuleGraph): FirstScreenModules | undefined {
  const ids = [...graph.getModuleIds()];
  const entryId = ids.find(endsWith(ENTRY));
  if (!entryId) return undefined;
  const entry = staticClosure(graph, [entryId]);
  const roots = SIGNED_IN_MODULES.map(({ module }) => ids.find(endsWith(module))).filter((id): id is string => id !== undefined);
  const signedIn = staticClosure(graph, roots);
  const before = BEFORE_SIGN_IN.map((module) => ids.find(endsWith(module))).filter((id): id is string => id !== undefined);
  const gate = staticClosure(graph, before);
  // What both need goes with the entry: the signed-in screen would otherwise load the whole gate
  // chunk (enrolment and its replies' checks) for a few shared modules.
  for (const id of gate) if (signedIn.has(id)) entry.add(id);
  const pinId = ids.find(endsWith(PIN_CHECK));
  const pin = pinId ? staticClosure(graph, [pinId]) : new Set<string>();
  for (const id of entry) pin.delete(id);
  for (const id of [...entry, ...pin]) gate.delete(id);
  for (const id of [...entry, ...gate, ...pin]) signedIn.delete(id);
  return { entry, gate, signedIn, pin };
}
