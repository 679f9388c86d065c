import { Agent, request } from 'node:http';

/** Keep-alive connections, one per simulated device at most, as tablets hold theirs. */
export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

/**
 * One POST over node:http (lighter than fetch for a load generator); resolves
 * with status and body text. A keep-alive socket the server closed while it
 * sat idle (bodies are built between enrolment and the timed run) fails at
 * once with ECONNRESET: such a request is sent again on a fresh socket, as
 * Node's documentation advises; pushes are idempotent.
 */
export async function post(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: Uint8Array | string,
): Promise<{ status: number; text: string }> {
  try {
    return await postOnce(agent, url, headers, body);
  } catch (error) {
    if (!(error instanceof StaleSocket)) throw error;
    return postOnce(agent, url, headers, body);
  }
}

class StaleSocket extends Error {}

function postOnce(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: Uint8Array | string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocket(error.message) : error);
    });
    req.end(body);
  });
}
