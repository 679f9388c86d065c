import type { SyncEndpoint } from './push';
import { readReply, send, serverTimeOf } from './transport';

/**
 * A sync GET with the device's token and report headers: its answer checked
 * whole by `check` before anything of it is written (a bad page leaves rows
 * and progress as they were), and the server's clock told as it arrives.
 */
export async function getChecked<T extends { serverTime?: string }>(endpoint: SyncEndpoint, url: URL, check: (body: unknown) => T): Promise<T> {
  const request = new Request(url, { headers: { ...endpoint.report, Authorization: `Bearer ${endpoint.token}` } });
  const response = await send(endpoint.transport, request);
  const reply = await readReply(response, check);
  const serverMs = serverTimeOf(response, reply.serverTime);
  if (serverMs !== null) endpoint.onServerTime?.(serverMs, Date.now());
  return reply;
}
