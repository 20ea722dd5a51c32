// `npm run --silent policy -- deadlines --pack ID --stage quick|stage1|stage2 --received YYYY-MM-DD
//   [--acknowledged YYYY-MM-DD] [--responded YYYY-MM-DD] [--region ENG|SCT|WLS|NIR]`
// prints one JSON line {"acknowledgeBy","respondBy","escalateBy"} (ISO dates or null).
// `npm run --silent policy -- list` prints one JSON line per pack. stdout is data, stderr is for people.
// Without --region the nation is the app's own HOLIDAY_REGION (so the command agrees with the
// running product), ENG when that is unset.
import { parseArgs } from 'node:util';
import { createCalendar, HOLIDAY_REGIONS, isCalendarDate, isHolidayRegion } from '../services/policy/calendar';
import { computeDeadlineDates, DeadlineStage } from '../services/policy/deadlines';
import { listPolicyPacks, loadPolicyPack, PolicyPackError } from '../services/policy/packs';

const USAGE = `usage:
  policy deadlines --pack ID --stage quick|stage1|stage2 --received YYYY-MM-DD [--acknowledged YYYY-MM-DD] [--responded YYYY-MM-DD] [--region ENG|SCT|WLS|NIR]
    (--region defaults to the HOLIDAY_REGION environment variable, else ENG)
  policy list`;

const STAGES: readonly DeadlineStage[] = ['quick', 'stage1', 'stage2'];

export interface PolicyCliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Where HOLIDAY_REGION is read from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

function requireDate(name: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new UsageError(`--${name} is required (YYYY-MM-DD)`);
    return undefined;
  }
  if (!isCalendarDate(value)) throw new UsageError(`--${name} must be a real date written YYYY-MM-DD, got "${value}"`);
  return value;
}

function deadlines(args: string[], io: PolicyCliIo): void {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        pack: { type: 'string' },
        stage: { type: 'string' },
        received: { type: 'string' },
        acknowledged: { type: 'string' },
        responded: { type: 'string' },
        region: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const packId = values.pack as string | undefined;
  if (!packId) throw new UsageError('--pack is required (see `policy list`)');
  const stage = values.stage as string | undefined;
  if (!stage || !(STAGES as readonly string[]).includes(stage)) throw new UsageError(`--stage must be one of ${STAGES.join(', ')}${stage ? `, got "${stage}"` : ''}`);
  const received = requireDate('received', values.received as string | undefined, true)!;
  const acknowledged = requireDate('acknowledged', values.acknowledged as string | undefined, false);
  const responded = requireDate('responded', values.responded as string | undefined, false);
  if (acknowledged && acknowledged < received) throw new UsageError(`--acknowledged (${acknowledged}) is before --received (${received})`);
  if (responded && responded < received) throw new UsageError(`--responded (${responded}) is before --received (${received})`);
  const fromEnv = (io.env ?? process.env).HOLIDAY_REGION?.trim() || undefined;
  const region = (values.region as string | undefined) ?? fromEnv ?? 'ENG';
  if (!isHolidayRegion(region)) {
    const source = values.region !== undefined ? '--region' : 'HOLIDAY_REGION';
    throw new UsageError(`${source} must be one of ${HOLIDAY_REGIONS.join(', ')}, got "${region}"`);
  }

  const pack = loadPolicyPack(packId);
  const result = computeDeadlineDates(pack, createCalendar(region), {
    stage: stage as DeadlineStage,
    receivedAt: received,
    acknowledgedAt: acknowledged,
    respondedAt: responded,
  });
  io.stdout(JSON.stringify({ acknowledgeBy: result.acknowledgeBy, respondBy: result.respondBy, escalateBy: result.escalateBy }));
}

function list(args: string[], io: PolicyCliIo): void {
  if (args.length > 0) throw new UsageError(`list takes no arguments, got "${args.join(' ')}"`);
  for (const p of listPolicyPacks()) {
    io.stdout(JSON.stringify({ id: p.id, name: p.name, landlord: p.landlord, earlyRoute: p.earlyRoute.kind === 'none' ? null : p.earlyRoute.name }));
  }
}

/** Runs the command; returns the exit code (0 ok, 2 bad arguments or unknown pack, 1 anything else). */
export function main(argv: string[], io: PolicyCliIo): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'deadlines') deadlines(rest, io);
    else if (command === 'list') list(rest, io);
    else if (command === undefined || command === '--help' || command === '-h') {
      io.stderr(USAGE);
      return command === undefined ? 2 : 0;
    } else throw new UsageError(`unknown command "${command}"`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`policy: ${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof PolicyPackError) {
      io.stderr(`policy: ${err.message}`);
      return 2;
    }
    io.stderr(`policy: ${(err as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
