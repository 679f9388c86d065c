import type { Context } from 'hono';

/** The address a request is counted under for rate limits. */
export type ClientAddressOf = (c: Context) => string;

/** What requests without a socket (in-process `app.request()`) are counted under. */
export const UNKNOWN_ADDRESS = 'unknown';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * One IPv6 host usually holds a whole /64, so its addresses count as one;
 * IPv4 (also when mapped into IPv6) counts per address.
 */
export function addressKey(address: string): string {
  const text = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) return mapped[1]!;
  if (!text.includes(':')) return text;
  const [head = '', tail] = text.split('%')[0]!.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * The socket's peer address. Behind a reverse proxy (`trustProxy`) the peer
 * is the proxy, so the last X-Forwarded-For entry, the one the proxy itself
 * added, is used; earlier entries come from the client and prove nothing.
 */
export function clientAddressOf(trustProxy: boolean): ClientAddressOf {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return addressKey(forwarded);
    }
    const bindings = c.env as NodeBindings | undefined;
    const peer = bindings?.incoming?.socket?.remoteAddress;
    return peer ? addressKey(peer) : UNKNOWN_ADDRESS;
  };
}
