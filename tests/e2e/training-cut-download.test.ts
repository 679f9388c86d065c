import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import zhCN from '../../src/client/i18n/locales/zh-CN.json';
import { PACK_MEDIA_PREFIX } from '../../src/shared/packs/pack-api';
import { seriousViolations } from './support/axe';
import { readyTablet } from './support/flows';
import { DEMO_PACK_ID, demoPackFile, openTraining, storedSha256 } from './support/training-flows';
import { demoPackManifest } from '../../src/server/seed/demo-course';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

/** A media request that passed the proxy: its range headers and the body bytes that reached the tablet. */
interface Passed {
  sha256: string;
  range: string | undefined;
  ifRange: string | undefined;
  status: number;
  delivered: number;
}

/**
 * The link between tablet and server. The first answer for the file `cutSha`
 * stalls after `cutAfter` body bytes, as a failing link does; `drop()` then
 * closes the connection halfway through the file. (Closing at once would race
 * the browser: bytes still in its pipe when the error comes are thrown away.)
 */
class CuttingLink {
  readonly media: Passed[] = [];
  cutSha: string | null = null;
  cutAfter = 0;
  private stalled: (() => void) | null = null;

  private constructor(
    private readonly server: Server,
    private readonly upstreamPort: number,
  ) {}

  static async start(upstreamPort: number): Promise<CuttingLink> {
    const server = createServer();
    const link = new CuttingLink(server, upstreamPort);
    server.on('request', (req, res) => link.forward(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return link;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '';
    const upstream = request({ host: '127.0.0.1', port: this.upstreamPort, method: req.method, path, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (!path.startsWith(PACK_MEDIA_PREFIX)) return void answer.pipe(res);
      const passed: Passed = {
        sha256: path.slice(PACK_MEDIA_PREFIX.length),
        range: req.headers.range,
        ifRange: req.headers['if-range'] as string | undefined,
        status: answer.statusCode ?? 0,
        delivered: 0,
      };
      this.media.push(passed);
      const cut = passed.sha256 === this.cutSha ? this.cutAfter : null;
      if (cut !== null) this.cutSha = null;
      answer.on('data', (data: Buffer) => {
        if (cut === null) {
          passed.delivered += data.length;
          res.write(data);
          return;
        }
        const part = data.subarray(0, Math.max(0, cut - passed.delivered));
        passed.delivered += part.length;
        if (part.length > 0) res.write(part);
        if (passed.delivered >= cut) {
          answer.pause();
          answer.removeAllListeners('data');
          this.stalled = () => {
            answer.destroy();
            res.socket?.destroy();
          };
        }
      });
      answer.on('end', () => res.end());
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  }

  /** Drops the stalled connection: the answer ends short of its Content-Length. */
  drop(): void {
    this.stalled?.();
    this.stalled = null;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}

let server: ServerProcess;
let link: CuttingLink;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  link = await CuttingLink.start(server.port);
  tablet = await Tablet.open();
});

afterAll(async () => {
  await tablet?.close();
  await link?.close();
  await server?.dispose();
});

/**
 * The bytes on the tablet while the audio's answer stalls after `stalledAt`:
 * the tablet fetches two files at a time, so meanwhile every other file of
 * the pack comes down whole.
 */
function doneWhileAudioStalls(stalledAt: number): number {
  const files = [...new Set(demoPackManifest().files.map((f) => f.path))].map(demoPackFile);
  const audio = demoPackFile('media/open-shop.ogg');
  return files.filter((f) => f.sha256 !== audio.sha256).reduce((n, f) => n + f.bytes.length, 0) + stalledAt;
}

/** Once the tablet shows it has the bytes up to `cutAt` of the audio (and every other file), the link drops. */
async function cutWhenReceived(card: Locator, cutAt: number): Promise<void> {
  const expected = doneWhileAudioStalls(cutAt);
  await expect.poll(async () => Number(await card.getByTestId('download-figures').getAttribute('data-done')), { timeout: 30_000 }).toBe(expected);
  link.drop();
}

test('a download cut in the middle of a file resumes with a Range request, and the file checks out', async () => {
  const { page } = tablet;
  await readyTablet(page, link.url, server.createEnrolCode(), '李强', '2222');
  const audio = demoPackFile('media/open-shop.ogg');
  const cutAt = Math.floor(audio.bytes.length * 0.4);
  link.cutSha = audio.sha256;
  link.cutAfter = cutAt;

  await openTraining(page);
  const card = page.locator(`[data-testid="pack-card"][data-pack="${DEMO_PACK_ID}"]`);
  await card.getByTestId('pack-download-start').click();
  await cutWhenReceived(card, cutAt);
  // The link dropped: the tablet says so, keeps what arrived, and offers to resume.
  await card.locator('[data-testid="pack-stopped"][data-reason="server_unreachable"]').waitFor({ timeout: 30_000 });
  const percentAfterCut = Number(await card.getByTestId('download-figures').getAttribute('data-percent'));
  expect(percentAfterCut).toBeGreaterThan(0);
  expect(percentAfterCut).toBeLessThan(100);
  expect(await storedSha256(page, audio.sha256)).not.toBe(audio.sha256);

  // The tablet loses its network and finds it again: the download goes on by itself.
  await tablet.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
  await tablet.setOffline(false);
  await card.getByTestId('pack-ready').waitFor({ timeout: 30_000 });

  const audioRequests = link.media.filter((m) => m.sha256 === audio.sha256);
  expect(audioRequests).toHaveLength(2);
  expect(audioRequests[0]).toMatchObject({ range: undefined, status: 200, delivered: cutAt });
  expect(audioRequests[1]).toMatchObject({ range: `bytes=${cutAt}-`, ifRange: `"${audio.sha256}"`, status: 206 });
  expect(audioRequests[0]!.delivered + audioRequests[1]!.delivered).toBe(audio.bytes.length);
  expect(await storedSha256(page, audio.sha256)).toBe(audio.sha256);
  // No file came twice: every other file was fetched once, whole.
  const others = link.media.filter((m) => m.sha256 !== audio.sha256);
  expect(new Set(others.map((m) => m.sha256)).size).toBe(others.length);
  expect(others.every((m) => m.range === undefined && m.status === 200)).toBe(true);
});

/** Whether a small write to a scratch database of the page's origin is refused for want of room. */
function writeRefused(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('quota-probe');
        open.onupgradeneeded = () => open.result.createObjectStore('probe');
        open.onerror = () => (open.error?.name === 'QuotaExceededError' ? resolve(true) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('probe', 'readwrite');
          tx.objectStore('probe').put(new Uint8Array(1024), 'probe');
          tx.oncomplete = () => {
            db.close();
            resolve(false);
          };
          tx.onabort = () => {
            db.close();
            if (tx.error?.name === 'QuotaExceededError') resolve(true);
            else reject(tx.error);
          };
        };
      }),
  );
}

function storedFileCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('cunzhan');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('packFiles').objectStore('packFiles').count();
          count.onsuccess = () => {
            open.result.close();
            ok(count.result);
          };
        };
      }),
  );
}

test('a full tablet stops a download with a clear message, keeps what arrived, and removes it on request', async () => {
  const second = await Tablet.open();
  try {
    const { page } = second;
    const cdp = await second.context.newCDPSession(page);
    const setQuota = (bytes: number | undefined) =>
      cdp.send('Storage.overrideQuotaForOrigin', bytes === undefined ? { origin: link.url } : { origin: link.url, quotaSize: bytes });
    await readyTablet(page, link.url, server.createEnrolCode(), '李强', '2222');
    const audio = demoPackFile('media/open-shop.ogg');
    link.cutSha = audio.sha256;
    link.cutAfter = Math.floor(audio.bytes.length * 0.4);
    await openTraining(page);
    const card = page.locator(`[data-testid="pack-card"][data-pack="${DEMO_PACK_ID}"]`);
    await card.getByTestId('pack-download-start').click();
    await cutWhenReceived(card, link.cutAfter);
    await card.locator('[data-testid="pack-stopped"][data-reason="server_unreachable"]').waitFor({ timeout: 30_000 });

    // The disk fills up. Chromium trusts the room it last found free for a while: polled until a write is refused.
    expect(await writeRefused(page)).toBe(false);
    await setQuota(1);
    await expect.poll(() => writeRefused(page), { timeout: 90_000, interval: 500 }).toBe(true);
    await card.getByTestId('pack-resume').click();
    await card.locator('[data-testid="pack-stopped"][data-reason="storage_full"]').waitFor({ timeout: 30_000 });
    expect(await card.getByText(zhCN.training.stoppedFull).count()).toBe(1);
    // What arrived before is kept for a resume; the app goes on working.
    expect(Number(await card.getByTestId('download-figures').getAttribute('data-percent'))).toBeGreaterThan(0);
    expect(await storedFileCount(page)).toBeGreaterThan(0);
    expect(await page.getByTestId('screen-error').count()).toBe(0);

    // Removed on request, with the disk still full: the pack's files go, the pack can be fetched again.
    await card.getByTestId('pack-discard').click();
    await card.getByTestId('pack-download-start').waitFor();
    expect(await storedFileCount(page)).toBe(0);

    // Room again: the whole pack comes down.
    await setQuota(undefined);
    await card.getByTestId('pack-download-start').click();
    await card.getByTestId('pack-ready').waitFor({ timeout: 60_000 });
    expect(await storedSha256(page, audio.sha256)).toBe(audio.sha256);
  } finally {
    await second.close();
  }
});

test('pausing keeps what arrived, and resuming asks only for the rest', async () => {
  const third = await Tablet.open();
  try {
    const { page } = third;
    await readyTablet(page, link.url, server.createEnrolCode(), '李强', '2222');
    const audio = demoPackFile('media/open-shop.ogg');
    const stallAt = Math.floor(audio.bytes.length * 0.6);
    link.cutSha = audio.sha256;
    link.cutAfter = stallAt;
    link.media.length = 0;
    await openTraining(page);
    const card = page.locator(`[data-testid="pack-card"][data-pack="${DEMO_PACK_ID}"]`);
    await card.getByTestId('pack-download-start').click();
    const expected = doneWhileAudioStalls(stallAt);
    const figures = card.getByTestId('download-figures');
    await expect.poll(async () => Number(await figures.getAttribute('data-done')), { timeout: 30_000 }).toBe(expected);

    await card.getByTestId('pack-pause').click();
    await card.locator('[data-testid="pack-stopped"][data-reason="paused"]').waitFor();
    // The bar reads what IndexedDB holds now: every byte that arrived before the pause.
    expect(Number(await figures.getAttribute('data-done'))).toBe(expected);
    expect(await seriousViolations(page)).toEqual([]);
    link.drop();

    await card.getByTestId('pack-resume').click();
    await card.getByTestId('pack-ready').waitFor({ timeout: 30_000 });
    const audioRequests = link.media.filter((m) => m.sha256 === audio.sha256);
    expect(audioRequests.map((m) => m.range)).toEqual([undefined, `bytes=${stallAt}-`]);
    expect(await storedSha256(page, audio.sha256)).toBe(audio.sha256);
  } finally {
    await third.close();
  }
});
