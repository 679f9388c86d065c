import type { Transport } from '../../../src/client/sync/transport';

export type ReplyRewrite = (body: unknown, request: Request) => unknown;

/**
 * The real server, with the JSON answer of requests to paths ending in
 * `pathEnd` rewritten while `rewrite` is set (a string result is sent as it
 * is, so tests can send text that is not JSON). Used to stand for a broken
 * proxy or a buggy server.
 */
export function rewritingTransport(inner: Transport, pathEnd: string) {
  const control: { rewrite: ReplyRewrite | null; transport: Transport } = {
    rewrite: null,
    transport: async (request) => {
      const response = await inner(request.clone());
      const rewrite = control.rewrite;
      if (!rewrite || !new URL(request.url).pathname.endsWith(pathEnd) || !response.ok) return response;
      const changed = rewrite(await response.json(), request);
      const headers = new Headers(response.headers);
      headers.delete('Content-Length');
      headers.delete('Content-Encoding');
      return new Response(typeof changed === 'string' ? changed : JSON.stringify(changed), { status: response.status, headers });
    },
  };
  return control;
}
