/** A number in [0, 1). */
export type Random = () => number;

/** mulberry32: small, fast and seeded, so a failing fault run can be replayed with its seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of a run: FAULT_SEED when set (to replay a failure), else a fresh one that the test prints. */
export function runSeed(): number {
  const given = Number(process.env.FAULT_SEED);
  return Number.isSafeInteger(given) && given > 0 ? given : 1 + Math.floor(Math.random() * 2 ** 31);
}
