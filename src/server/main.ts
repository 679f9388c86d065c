import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonLogger } from './log';
import { ensureEnrolCode, seedDemoIfEmpty } from './seed/demo';
import { importDemoCourse } from './seed/demo-course';
import { startServer } from './server';
import type { Store } from './store/store';

const log = jsonLogger();

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** First start: the demo centre. Every start: the demo course pack and an enrolment code a person can type. */
async function prepare(store: Store, dataDir: string): Promise<void> {
  const { centre, seeded } = await seedDemoIfEmpty(store);
  if (seeded) log.info('demo centre seeded', { centreId: centre.id });
  // Tablets can do without the demo course; the server starts either way.
  await importDemoCourse(store, dataDir).then(
    (pack) => {
      if (pack.created) log.info('demo course pack imported', { packId: pack.id, version: pack.version, bytes: pack.totalBytes });
    },
    (error: unknown) => log.error('demo course pack not imported', { error: error instanceof Error ? error.message : String(error) }),
  );
  const label = `${centre.name['zh-CN'] ?? ''} / ${centre.name.en ?? centre.id}`;
  const code = await ensureEnrolCode(store, centre.id);
  if (code.created) {
    log.info('enrolment code created', { centreId: centre.id, expiresAt: code.issued.expiresAt });
    process.stdout.write(`\nEnrolment code for ${label}: ${code.issued.code} (valid until ${code.issued.expiresAt})\n\n`);
  } else {
    process.stdout.write(
      `\nAn enrolment code for ${label} is still valid until ${code.validUntil}; make another with: npm run admin -- create-code\n\n`,
    );
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = env.DATA_DIR ?? './data';
  const running = await startServer(
    {
      port: Number(env.PORT ?? 8080),
      host: env.HOST ?? '0.0.0.0',
      dataDir,
      databaseUrl: env.DATABASE_URL || undefined,
      clientDir: env.CLIENT_DIR || fileURLToPath(new URL('../client', import.meta.url)),
      trustProxy: env.TRUST_PROXY === '1',
      version: packageVersion(),
      log,
    },
    (store) => prepare(store, dataDir),
  );
  log.info('listening', { port: running.port, store: running.store.kind, url: `http://localhost:${running.port}` });

  const stop = (signal: string) => {
    log.info('shutting down', { signal });
    // A request that never ends must not keep a stopping server alive for ever.
    setTimeout(() => {
      log.error('shutdown timed out');
      process.exit(1);
    }, 30_000).unref();
    running.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log.error('start failed', { error: message });
  // Said plainly too: whoever starts the server reads this line, not the JSON log.
  process.stderr.write(`cunzhan: cannot start: ${message}\n`);
  process.exit(1);
});
