import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Role } from '../shared/domain/entities';
import { addStaff, createCentre, pinProblem } from './admin/operations';
import { importExport, ImportRefused } from './apply/import-export';
import { issueEnrolCode } from './auth/enrol-codes';
import { createCountyAdmin, CountyAdminRefused } from './county/county-admins';
import { readNewPassword } from './county/read-password';
import { openStore } from './store/open';
import { importPack } from './packs/import-pack';
import { MediaFiles, mediaDirOf } from './packs/media-files';
import { PackRefused } from './packs/pack-refused';
import type { Store } from './store/store';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-code [--centre ID] [--hours 24] [--json]
      Make a one-time enrolment code (default centre: the first one).
      --json prints {"code","centreId","expiresAt"}.
  list-centres                     List centres.
  list-devices [--centre ID]       List enrolled devices.
  revoke-device ID                 Revoke a device: its token stops working at once.
  create-centre --name NAME [--name-en NAME] [--name-ug NAME]
  add-staff --centre ID --name NAME --role admin|clerk|trainer --pin 123456
      An admin's PIN is 6 digits, anyone else's 4 to 6.
  import-export FILE [--centre ID]
      Apply the changes a removed tablet exported (each once; running it
      again changes nothing). --centre: refuse a file of another centre.
  create-county-admin USERNAME [--password PASSWORD]
      An account for the county admin area (/county). The password is asked
      for at a terminal, or read from the first line of stdin when piped;
      --password is for scripts. At least 10 characters.
  import-pack PATH
      Import a course pack (a folder or a .zip holding manifest.json and its
      media) as the next version of its course; tablets of every centre can
      then download it. Importing the same pack again changes nothing.

Environment: DATA_DIR (default ./data; media files of packs live in DATA_DIR/media,
with PostgreSQL too) and DATABASE_URL (postgres://…).`;

class UsageError extends Error {}

const ROLES: readonly Role[] = ['admin', 'clerk', 'trainer'];

type Options = Record<string, string | boolean | undefined>;

function text(opts: Options, name: string): string | undefined {
  const value = opts[name];
  return typeof value === 'string' ? value : undefined;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`missing ${flag}`);
  return value;
}

async function centreOrFirst(store: Store, id: string | undefined): Promise<string> {
  if (id) {
    if (!(await store.getCentre(id))) throw new UsageError(`no centre with id ${id}`);
    return id;
  }
  const first = (await store.listCentres())[0];
  if (!first) throw new UsageError('there is no centre yet: start the server once or run create-centre');
  return first.id;
}

/** Every command by name: main checks the name before it opens the store. */
const COMMANDS = new Map<string, (store: Store, positionals: string[], opts: Options) => Promise<void>>([
  [
    'create-code',
    async (store, _positionals, opts) => {
      const hours = Number(text(opts, 'hours') ?? '24');
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 365) throw new UsageError('--hours must be a positive number');
      const issued = await issueEnrolCode(store, await centreOrFirst(store, text(opts, 'centre')), hours);
      console.log(opts.json ? JSON.stringify(issued) : `Enrolment code: ${issued.code} (centre ${issued.centreId}, valid until ${issued.expiresAt})`);
    },
  ],
  [
    'list-centres',
    async (store) => {
      for (const c of await store.listCentres()) console.log(`${c.id}\t${c.name['zh-CN'] ?? ''}\t${c.name.en ?? ''}`);
    },
  ],
  [
    'list-devices',
    async (store, _positionals, opts) => {
      for (const d of await store.listDevices(text(opts, 'centre'))) {
        console.log(`${d.id}\t${d.centreId}\tno. ${d.deviceNo}\t${d.name}\tenrolled ${d.enrolledAt}\t${d.revokedAt ? `revoked ${d.revokedAt}` : 'active'}`);
      }
    },
  ],
  [
    'revoke-device',
    async (store, positionals) => {
      const id = required(positionals[0], 'device ID');
      if (!(await store.revokeDevice(id, new Date().toISOString()))) throw new UsageError(`no device with id ${id}`);
      console.log(`Device ${id} revoked.`);
    },
  ],
  [
    'create-centre',
    async (store, _positionals, opts) => {
      const en = text(opts, 'name-en');
      const ug = text(opts, 'name-ug');
      const centre = await createCentre(store, { 'zh-CN': required(text(opts, 'name'), '--name'), ...(en ? { en } : {}), ...(ug ? { ug } : {}) });
      console.log(centre.id);
    },
  ],
  [
    'create-county-admin',
    async (store, positionals, opts) => {
      const username = required(positionals[0], 'USERNAME');
      const password = text(opts, 'password') ?? (await readNewPassword());
      try {
        const admin = await createCountyAdmin(store, username, password);
        console.log(`County admin ${admin.username} created.`);
      } catch (error) {
        if (error instanceof CountyAdminRefused) throw new UsageError(error.message);
        throw error;
      }
    },
  ],
  [
    'add-staff',
    async (store, _positionals, opts) => {
      const role = required(text(opts, 'role'), '--role') as Role;
      if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const pin = required(text(opts, 'pin'), '--pin');
      const problem = pinProblem(role, pin);
      if (problem) throw new UsageError(`--pin: ${problem}`);
      const centreId = await centreOrFirst(store, required(text(opts, 'centre'), '--centre'));
      const staff = await addStaff(store, { centreId, name: required(text(opts, 'name'), '--name'), role, pin });
      console.log(staff.id);
    },
  ],
  [
    'import-export',
    async (store, positionals, opts) => {
      const path = required(positionals[0], 'FILE');
      let file: unknown;
      try {
        file = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        throw new UsageError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        const counts = await importExport(store, file, { centreId: text(opts, 'centre') });
        console.log(`Applied ${counts.applied}, refused ${counts.refused}, already applied before ${counts.alreadyApplied}.`);
      } catch (error) {
        if (error instanceof ImportRefused) throw new Error(`file refused (${error.reason}): ${error.message}`);
        throw error;
      }
    },
  ],
  [
    'import-pack',
    async (store, positionals) => {
      const path = required(positionals[0], 'PATH');
      try {
        const media = new MediaFiles(mediaDirOf(dataDir()));
        const pack = await importPack(store, media, path);
        const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
        console.log(
          pack.created
            ? `Pack ${pack.id} version ${pack.version}: ${pack.files} files, ${size(pack.totalBytes)} (${pack.newFiles} new files, ${size(pack.newBytes)}).`
            : `Pack ${pack.id} version ${pack.version} already holds exactly this; nothing changed.`,
        );
      } catch (error) {
        if (error instanceof PackRefused) throw new Error(`pack refused (${error.reason}): ${error.message}`);
        throw error;
      }
    },
  ],
]);

function dataDir(): string {
  return process.env.DATA_DIR ?? './data';
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        centre: { type: 'string' },
        hours: { type: 'string' },
        json: { type: 'boolean' },
        name: { type: 'string' },
        'name-en': { type: 'string' },
        'name-ug': { type: 'string' },
        role: { type: 'string' },
        pin: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command = '', ...rest] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const handler = COMMANDS.get(command);
  if (!handler) {
    console.error(`${command ? `unknown command: ${command}` : 'no command given'}\n\n${USAGE}`);
    return 2;
  }
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: dataDir() });
  try {
    await store.migrate();
    await handler(store, rest, parsed.values);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
