import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../src/server/app';
import { createCentre } from '../../../src/server/admin/operations';
import { issueEnrolCode } from '../../../src/server/auth/enrol-codes';
import { importPack, type ImportedPack } from '../../../src/server/packs/import-pack';
import { MediaFiles, mediaDirOf } from '../../../src/server/packs/media-files';
import { openStore } from '../../../src/server/store/open';
import type { Store } from '../../../src/server/store/store';
import { enrolDevice } from '../../../src/client/data/enrol-device';
import type { CunzhanDb } from '../../../src/client/data/db';
import type { PackEndpoint } from '../../../src/client/data/packs/pack-client';
import type { Transport } from '../../../src/client/sync/transport';
import { PACK_MEDIA_PREFIX } from '../../../src/shared/packs/pack-api';
import { writePackFolder } from '../../server/support/pack-fixture';
import { freshDb } from './local-device';
import { BASE_URL } from './test-server';

/** One media request as the server saw it, and how many bytes of its answer reached the tablet. */
export interface MediaRequest {
  sha256: string;
  range: string | null;
  ifRange: string | null;
  status: number;
  delivered: number;
}

/**
 * The real server app with course-pack media on disk (a temp DATA_DIR),
 * reached without a port through a link that records every media request
 * and can be cut after a number of bytes of the next media answer.
 */
export class PackServer {
  readonly media: MediaRequest[] = [];
  /** The next media answer stops (the link drops) after this many body bytes. */
  cutNextMediaAfter: number | null = null;

  private constructor(
    readonly store: Store,
    private readonly dataDir: string,
    private readonly fetchApp: Transport,
    private readonly centreId: string,
  ) {}

  static async start(): Promise<PackServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-packs-'));
    const store = await openStore({ dataDir });
    await store.migrate();
    const app = createApp({ store, dataDir });
    const centre = await createCentre(store, { 'zh-CN': '测试站', en: 'Test centre' }, new Date().toISOString());
    return new PackServer(store, dataDir, (request) => Promise.resolve(app.fetch(request)), centre.id);
  }

  importPack(pack: { manifest: unknown; files: Record<string, Buffer> }): Promise<ImportedPack> {
    return importPack(this.store, new MediaFiles(mediaDirOf(this.dataDir)), writePackFolder(pack));
  }

  /** The link: media answers are counted, and cut when told. */
  readonly transport: Transport = async (request) => {
    const path = new URL(request.url).pathname;
    const isMedia = path.startsWith(PACK_MEDIA_PREFIX);
    // Taken as the request leaves, so the cut falls on this answer even with others under way.
    const cutAfter = isMedia ? this.cutNextMediaAfter : null;
    if (isMedia) this.cutNextMediaAfter = null;
    const response = await this.fetchApp(request);
    if (!isMedia || !response.body) return response;
    const seen: MediaRequest = {
      sha256: path.slice(PACK_MEDIA_PREFIX.length),
      range: request.headers.get('Range'),
      ifRange: request.headers.get('If-Range'),
      status: response.status,
      delivered: 0,
    };
    this.media.push(seen);
    const reader = response.body.getReader();
    let dropped = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // The error comes on the read after the last bytes, so those bytes reach the tablet first.
        if (dropped) {
          await reader.cancel();
          controller.error(new TypeError('the link dropped'));
          return;
        }
        const { done, value } = await reader.read();
        if (done) return controller.close();
        if (cutAfter !== null && seen.delivered + value.byteLength >= cutAfter) {
          const part = value.subarray(0, cutAfter - seen.delivered);
          seen.delivered += part.byteLength;
          dropped = true;
          controller.enqueue(part);
          return;
        }
        seen.delivered += value.byteLength;
        controller.enqueue(value);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };

  /** A tablet enrolled at this server: its own database, and the endpoint its downloads use. */
  async tablet(label = 'tablet'): Promise<{ db: CunzhanDb; endpoint: PackEndpoint }> {
    const db = freshDb(label);
    const { code } = await issueEnrolCode(this.store, this.centreId, 1);
    const device = await enrolDevice(code, label, { db, fetch: this.transport, baseUrl: BASE_URL });
    return { db, endpoint: { transport: this.transport, baseUrl: BASE_URL, token: device.token } };
  }

  async close(): Promise<void> {
    await this.store.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
