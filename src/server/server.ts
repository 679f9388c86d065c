import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from './app';
import type { Logger } from './log';
import { openStore } from './store/open';
import type { Store } from './store/store';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string | undefined;
  clientDir?: string | undefined;
  /** Behind a reverse proxy: client addresses come from X-Forwarded-For. */
  trustProxy?: boolean | undefined;
  version: string;
  log: Logger;
}

export interface RunningServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  store: Store;
  /** Stops accepting, lets requests in flight finish, then closes the store. */
  close(): Promise<void>;
}

export interface Listening {
  port: number;
  /** Stops accepting connections and resolves once every request in flight is answered. */
  close(): Promise<void>;
}

/** Serves a Hono app over HTTP until closed. */
export async function listen(app: Hono, port: number, host: string): Promise<Listening> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s as Server));
    s.once('error', reject);
  });
  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // close() waits for requests in flight; keep-alive sockets would hold it open for
        // seconds, so idle ones go now and busy ones as soon as their response is sent.
        server.keepAliveTimeout = 1;
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** Opens and migrates the store, runs `beforeListen` (seeding), then listens. */
export async function startServer(config: ServerConfig, beforeListen?: (store: Store) => Promise<void>): Promise<RunningServer> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    await beforeListen?.(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = createApp({
    store,
    clientDir: config.clientDir,
    log: config.log,
    version: config.version,
    trustProxy: config.trustProxy,
    dataDir: config.dataDir,
  });
  const http = await listen(app, config.port, config.host).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  let closing: Promise<void> | undefined;
  return {
    port: http.port,
    store,
    close() {
      closing ??= http.close().then(() => store.close());
      return closing;
    },
  };
}
