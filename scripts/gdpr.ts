// Subject access and erasure requests (UK GDPR articles 15 and 17) for one tenant, by phone.
//   npm run --silent gdpr -- export --phone +447700900123          → JSON of everything held, on stdout
//   npm run --silent gdpr -- erase --phone +447700900123 --yes [--force]
//                                                                   → JSON report of what was deleted/anonymised
//   npm run --silent gdpr -- purge-transcripts [--days N]           → runs the retention purge now
// Uses MONGODB_URI, or the product's own local database under DATA_DIR when unset (like `npm start`;
// stop the app first then, the local database is not shared between processes).
// stdout is data, stderr is for people. Exit codes: 0 done, 2 bad arguments, 3 refused, 1 failure.
import { parseArgs } from 'node:util';
import type { Connection } from 'mongoose';
import { loadConfig, ConfigError } from '../config';
import { connectDatabase } from '../services/database/connection';
import { LocalMongo, startLocalMongo } from '../services/database/localMongo';
import { eraseTenantData, exportTenantData, normalisePhone, PrivacyInputError, purgeExpiredTranscripts } from '../services/privacy';

const USAGE = `usage:
  gdpr export --phone +447700900123
  gdpr erase --phone +447700900123 --yes [--force]   (--force: erase even if a case is still open)
  gdpr purge-transcripts [--days N]                  (default TRANSCRIPT_RETENTION_DAYS)`;

export interface GdprIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

export interface GdprCommand {
  command: 'export' | 'erase' | 'purge-transcripts';
  phone?: string;
  yes: boolean;
  force: boolean;
  days?: number;
}

/** Parses the arguments; throws UsageError with the reason. */
export function parseGdprArgs(argv: string[]): GdprCommand {
  const [command, ...rest] = argv;
  if (command !== 'export' && command !== 'erase' && command !== 'purge-transcripts') {
    throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
  }
  let values: { phone?: string; yes?: boolean; force?: boolean; days?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: { phone: { type: 'string' }, yes: { type: 'boolean' }, force: { type: 'boolean' }, days: { type: 'string' } },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const cmd: GdprCommand = { command, yes: values.yes === true, force: values.force === true };
  if (command === 'purge-transcripts') {
    if (values.phone !== undefined) throw new UsageError('purge-transcripts takes no --phone');
    if (values.days !== undefined) {
      if (!/^\d+$/.test(values.days) || Number(values.days) < 1) throw new UsageError(`--days must be a whole number of days >= 1, got "${values.days}"`);
      cmd.days = Number(values.days);
    }
    return cmd;
  }
  if (!values.phone) throw new UsageError('--phone is required');
  try {
    cmd.phone = normalisePhone(values.phone);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (command === 'erase' && !cmd.yes) throw new UsageError('erase deletes personal data for good: add --yes to confirm');
  if (command === 'export' && (cmd.yes || cmd.force)) throw new UsageError('export takes only --phone');
  return cmd;
}

export async function runGdpr(argv: string[], io: GdprIo, connect: () => Promise<{ connection: Connection; close: () => Promise<void> }>, retentionDays: number): Promise<number> {
  let cmd: GdprCommand;
  try {
    cmd = parseGdprArgs(argv);
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { connection, close } = await connect();
  try {
    if (cmd.command === 'export') {
      const data = await exportTenantData({ connection, phone: cmd.phone as string });
      io.stdout(`${JSON.stringify(data, null, 2)}\n`);
      const count = Object.values(data.collections).reduce((n, c) => n + c.documents.length, 0);
      io.stderr(count ? `exported ${count} records from ${Object.keys(data.collections).length} collections\n` : 'nothing is held for this phone number\n');
    } else if (cmd.command === 'erase') {
      const report = await eraseTenantData({ connection, phone: cmd.phone as string, force: cmd.force });
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      io.stderr(Object.keys(report.collections).length ? 'erased; anonymous case statistics kept\n' : 'nothing is held for this phone number\n');
    } else {
      const report = await purgeExpiredTranscripts({ connection, olderThanDays: cmd.days ?? retentionDays });
      io.stdout(`${JSON.stringify(report)}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof PrivacyInputError) {
      io.stderr(`refused: ${err.message}\n`);
      return 3;
    }
    throw err;
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as ConfigError).message}\n`);
    process.exit(2);
  }
  const connect = async () => {
    let local: LocalMongo | undefined;
    let uri = config.MONGODB_URI;
    if (!uri) {
      local = await startLocalMongo({ dataDir: config.dataDir, projectRoot: config.projectRoot });
      uri = local.uri;
    }
    const connection = await connectDatabase(uri);
    return {
      connection,
      close: async () => {
        await connection.close();
        await local?.stop();
      },
    };
  };
  const io: GdprIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  const code = await runGdpr(process.argv.slice(2), io, connect, config.TRANSCRIPT_RETENTION_DAYS);
  process.exitCode = code;
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`gdpr failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
