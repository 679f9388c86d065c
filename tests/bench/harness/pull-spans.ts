import { db } from '../../../src/client/data/db';
import { getMeta } from '../../../src/client/data/meta';
import { applyPullPage } from '../../../src/client/sync/pull';
import { API } from '../../../src/shared/protocol/endpoints';
import { LIMITS, type PullResponse } from '../../../src/shared/protocol/messages';

/** When each step of one page happened, in ms since the pull began. */
export interface PageSpans {
  rows: number;
  requested: number;
  headers: number;
  parsed: number;
  applyStart: number;
  applyEnd: number;
}

/**
 * A traced copy of the pull loop (`BENCH_SPANS=1`), for seeing where a
 * fresh tablet's pull waits: the same page sizes, fetch-ahead and
 * `applyPullPage` as src/client/sync/pull.ts, with timestamps around each step.
 */
export async function tracedPull(token: string, firstRows: number): Promise<{ ms: number; pages: PageSpans[] }> {
  const t0 = performance.now();
  const at = () => Math.round((performance.now() - t0) * 10) / 10;
  const fetchPage = async (after: number, limit: number) => {
    const spans: Partial<PageSpans> = { requested: at() };
    const response = await fetch(`${API.pull}?after=${after}&limit=${limit}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    spans.headers = at();
    const page = (await response.json()) as PullResponse;
    spans.parsed = at();
    return { page, spans };
  };
  const pages: PageSpans[] = [];
  let rows = firstRows;
  let pending = fetchPage((await getMeta(db, 'cursor')) ?? 0, rows);
  for (;;) {
    const { page, spans } = await pending;
    rows = Math.min(LIMITS.pullMaxRows, rows * 2);
    const next = page.hasMore ? fetchPage(page.cursor, rows) : null;
    spans.applyStart = at();
    spans.rows = await applyPullPage(db, page);
    spans.applyEnd = at();
    pages.push(spans as PageSpans);
    if (!next) break;
    pending = next;
  }
  return { ms: performance.now() - t0, pages };
}
