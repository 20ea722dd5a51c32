// Records the MongoDB commands an app sends (the driver's command monitoring), so a test can
// list them per tenant turn and tell the `_id`-keyed ones (FerretDB v1 reads one document) from
// the ones FerretDB v1 answers by decoding a whole collection (any other filter, counts, sorts).
import type { Connection } from 'mongoose';

export interface LoggedCommand {
  name: string;
  collection: string;
  /** The filter(s) the command selects documents by, as JSON; '' for inserts. */
  filter: string;
  /** True when every selection is `_id` equality on a plain value (or there is none: an insert). */
  byId: boolean;
  /**
   * An update, delete or findAndModify: an unpatched FerretDB v1.24 (SQLite) scans the whole
   * collection for these even when selected by `_id` (its `_id` index bug, fixed in the server this
   * project builds: services/database/buildFerretDb.ts).
   */
  rewrites: boolean;
}

const IGNORED = new Set(['ping', 'hello', 'isMaster', 'ismaster', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue', 'listIndexes', 'createIndexes', 'getMore', 'killCursors']);

function isIdEquality(filter: unknown): boolean {
  if (typeof filter !== 'object' || filter === null) return false;
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return false;
  const id = (filter as { _id: unknown })._id;
  if (typeof id === 'string') return true;
  // An ObjectId (or other BSON value) but not an operator object such as { $in: [...] }.
  return typeof id === 'object' && id !== null && !Object.keys(id).some((k) => k.startsWith('$'));
}

function selections(name: string, command: Record<string, unknown>): unknown[] | undefined {
  switch (name) {
    case 'find':
      return [command.filter ?? {}];
    case 'findAndModify':
      return [command.query ?? {}];
    case 'update':
      return ((command.updates as { q: unknown }[]) ?? []).map((u) => u.q);
    case 'delete':
      return ((command.deletes as { q: unknown }[]) ?? []).map((d) => d.q);
    case 'insert':
      return [];
    case 'count':
      return [command.query ?? {}];
    default:
      return undefined;
  }
}

/** The driver reports commands only for a client opened with this option. */
export function withMonitoring(uri: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;
}

export interface CommandLog {
  commands: LoggedCommand[];
  /** Commands since the last call (one turn's worth). */
  take(): LoggedCommand[];
  stop(): void;
}

export function recordCommands(connection: Connection): CommandLog {
  const client = connection.getClient();
  const commands: LoggedCommand[] = [];
  let taken = 0;
  const onStarted = (event: { commandName: string; command: Record<string, unknown> }) => {
    const name = event.commandName;
    if (IGNORED.has(name)) return;
    const collection = String(event.command[name] ?? '');
    const selected = selections(name, event.command);
    const byId = selected !== undefined && selected.every(isIdEquality);
    commands.push({ rewrites: name === 'update' || name === 'delete' || name === 'findAndModify', name, collection, filter: selected === undefined ? JSON.stringify(event.command).slice(0, 200) : selected.map((s) => JSON.stringify(s)).join(' | ').slice(0, 200), byId });
  };
  client.on('commandStarted', onStarted);
  return {
    commands,
    take() {
      const turn = commands.slice(taken);
      taken = commands.length;
      return turn;
    },
    stop() {
      client.off('commandStarted', onStarted);
    },
  };
}
