import type { Transport } from '../../../src/client/sync/transport';

/** When nothing overtakes a held push (it was the last batch), it goes on after this long. */
const HOLD_LIMIT_MS = 25;

export interface OvertakingLink {
  transport: Transport;
  /** While on, each push is held until the next one has overtaken it. */
  overtake: { value: boolean };
  /**
   * Whether a held push waits for the overtaking one's answer (only sensible
   * when the server answers out_of_order at once instead of waiting).
   */
  releaseAfterAnswer: boolean;
  /** Most push requests seen in flight at once. */
  readonly maxInFlight: number;
  /** HTTP statuses of push answers, in the order they came back. */
  readonly statuses: number[];
}

function isPush(request: Request): boolean {
  return new URL(request.url).pathname.endsWith('/push');
}

/**
 * A link on which pushes overlap and, when told to, arrive out of order: a
 * push is held back until the next push has reached the server first, as
 * when batch k+1 travels on a faster connection than batch k.
 */
export function overtakingLink(base: Transport, options: { releaseAfterAnswer?: boolean } = {}): OvertakingLink {
  let inFlight = 0;
  let maxInFlight = 0;
  const statuses: number[] = [];
  // Wrapped: resolving with a bare promise would wait for it.
  let held: ((overtaker: { answer: Promise<Response> }) => void) | null = null;

  const forward = async (request: Request): Promise<Response> => {
    const response = await base(request);
    statuses.push(response.status);
    return response;
  };

  const link: OvertakingLink = {
    overtake: { value: false },
    releaseAfterAnswer: options.releaseAfterAnswer ?? false,
    get maxInFlight() {
      return maxInFlight;
    },
    statuses,
    transport: async (request) => {
      if (!isPush(request)) return base(request);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const waiting = held;
        if (waiting) {
          held = null;
          const answer = forward(request);
          waiting({ answer });
          return await answer;
        }
        if (link.overtake.value) {
          const overtaker = await new Promise<{ answer: Promise<Response> } | null>((resolve) => {
            held = resolve;
            setTimeout(() => {
              if (held === resolve) held = null;
              resolve(null);
            }, HOLD_LIMIT_MS);
          });
          if (overtaker && link.releaseAfterAnswer) await overtaker.answer.catch(() => undefined);
          // Let the overtaking request reach the server's apply step first.
          else if (overtaker) await new Promise((resolve) => setTimeout(resolve, 0));
        }
        return await forward(request);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return link;
}
