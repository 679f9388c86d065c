import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product, Staff, StockMovement } from '../../src/shared/domain/entities';
import { unwrapStaffSecret, type StaffKeyMaterial } from '../../src/shared/auth/staff-key';
import type { EnrolResponse, PullResponse } from '../../src/shared/protocol/messages';
import { runNode, spawnNode, type Spawned } from './support/process';

const root = resolve(import.meta.dirname, '../..');
// Inside the project so the bundle resolves its dependencies from node_modules.
const buildDir = join(root, 'node_modules', '.cache', `cunzhan-server-test-${process.pid}`);
const mainJs = join(buildDir, 'main.js');
const cliJs = join(buildDir, 'cli.js');

describe('the built server as a process', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const running: Spawned[] = [];

  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--ssr', '--outDir', buildDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`server build failed:\n${build.stdout}\n${build.stderr}`);
    dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-data-'));
    env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' };
  });
  afterAll(() => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ server: Spawned; url: string }> {
    const server = spawnNode(mainJs, [], env);
    running.push(server);
    const [, port] = await server.waitFor(/"msg":"listening","port":(\d+)/);
    return { server, url: `http://127.0.0.1:${port}` };
  }

  async function stop(server: Spawned): Promise<void> {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  }

  it('seeds the demo centre, prints a code that enrols a tablet, keeps data over a restart, and stops cleanly', async () => {
    const first = await start();
    const [, code] = await first.server.waitFor(/Enrolment code for 演示服务站 \/ Demo centre: ([0-9A-Z]{4}-[0-9A-Z]{4}) \(valid until /);
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, store: 'sqlite', protocolVersions: [1, 2, 3, 4, 5, 6] });

    const enrolled = await fetch(`${first.url}/api/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Counter' }),
    });
    expect(enrolled.status).toBe(200);
    const device = (await enrolled.json()) as EnrolResponse;
    expect(device.centre.name).toEqual({ 'zh-CN': '演示服务站', en: 'Demo centre', ug: 'سىناق مۇلازىمەت پونكىتى' });

    const pullAll = async (url: string) =>
      (await (await fetch(`${url}/api/sync/pull?after=0&limit=5000`, { headers: { authorization: `Bearer ${device.token}` } })).json()) as PullResponse;
    const feed = await pullAll(first.url);
    const staff = feed.rows.staff as Staff[];
    const products = feed.rows.products as Product[];
    const movements = feed.rows.movements as StockMovement[];
    expect(staff.map((s) => `${s.name}:${s.role}`).sort()).toEqual(['李强:clerk', '王芳:admin', '阿依古丽:clerk', '张丽:trainer'].sort());
    // The demo admin's secret opens under her PIN, and under no other.
    const wang = staff.find((s) => s.name === '王芳')!;
    expect(wang.pinHash).toBeUndefined();
    expect(await unwrapStaffSecret(wang as Staff & StaffKeyMaterial, '111111', wang.id)).not.toBeNull();
    expect(await unwrapStaffSecret(wang as Staff & StaffKeyMaterial, '222222', wang.id)).toBeNull();
    expect(products.length).toBeGreaterThanOrEqual(30);
    for (const p of products) {
      expect(p.names['zh-CN'] && p.names.en && p.names.ug).toBeTruthy();
      expect(p.names.ug).toMatch(/[\u0600-\u06FF]/);
      expect(p.barcode).toMatch(/^\d{13}$/);
      expect(Number.isInteger(p.priceFen) && p.priceFen > 0).toBe(true);
    }
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    expect(movements.filter((m) => m.reason === 'receive').map((m) => m.productId).sort()).toEqual(products.map((p) => p.id).sort());
    await stop(first.server);

    const made = runNode(cliJs, ['create-code', '--hours', '2', '--json'], env);
    expect(made.status).toBe(0);
    const issued = JSON.parse(made.stdout) as { code: string; centreId: string; expiresAt: string };
    expect(issued.centreId).toBe(device.centre.id);
    expect(runNode(cliJs, ['list-devices'], env).stdout).toContain(device.deviceId);

    const second = await start();
    await second.server.waitFor(/is still valid until/);
    expect(second.server.output()).not.toContain('demo centre seeded');
    const again = await pullAll(second.url);
    expect(again.rows.products).toHaveLength(products.length);
    expect(again.cursor).toBe(feed.cursor);

    expect(runNode(cliJs, ['revoke-device', device.deviceId], env).status).toBe(0);
    const revoked = await fetch(`${second.url}/api/sync/pull?after=0`, { headers: { authorization: `Bearer ${device.token}` } });
    expect(revoked.status).toBe(401);
    await stop(second.server);
  });

  it('explains its usage and fails on bad input', () => {
    for (const args of [[], ['frobnicate'], ['revoke-device', 'no-such-device'], ['create-code', '--hours', 'soon']]) {
      const result = runNode(cliJs, args, env);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
    const help = runNode(cliJs, ['--help'], env);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run admin');
  });
});
