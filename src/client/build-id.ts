// Set by vite.config.ts for every build (and every test run).
declare const __BUILD_ID__: string;

/** Tells two builds of the same version apart, e.g. in Settings and in logs. */
export const BUILD_ID: string = __BUILD_ID__;
