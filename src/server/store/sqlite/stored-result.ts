import type { MutationResult } from '../../../shared/protocol/messages';

/** How an applied result is stored: the same text for every one, so nothing is encoded per row. */
const APPLIED = '{"status":"applied"}';

/** A mutation's result as the applied_mutations table keeps it: without its id, the row's key. */
export function storedResult(result: MutationResult): string {
  if (result.status === 'applied') return APPLIED;
  const { id: _id, ...rest } = result;
  return JSON.stringify(rest);
}

/** The stored result with its id put back (rows written before this format also hold the id). */
export function resultOf(id: string, stored: string): MutationResult {
  return { ...(JSON.parse(stored) as Omit<MutationResult, 'id'>), id } as MutationResult;
}
