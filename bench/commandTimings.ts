// A preload that logs how long each kind of MongoDB command takes inside any Node process using
// this project's mongodb driver (the product under `npm run bench` included, as NODE_OPTIONS passes
// down to it). Every 20 s it appends, per process, the commands grouped by name, collection and
// filter shape (values left out), with count, total, average and max ms, biggest total first.
//   npm run build && NODE_OPTIONS="--require $PWD/dist/bench/commandTimings.js" \
//     COMMAND_TIMINGS_FILE=/tmp/commands.log BENCH_CONVERSATIONS=300 npm run bench
// This is how the FerretDB `_id` index bug was found: `find bot_state {_id}` averaged 46 ms in the
// first 20 s of a 300-conversation run and 730 ms six minutes later.
import fs from 'node:fs';
import { MongoClient } from 'mongodb';

interface Tally {
  count: number;
  totalMs: number;
  maxMs: number;
}

const OUT = process.env.COMMAND_TIMINGS_FILE ?? '/tmp/command-timings.log';
const WINDOW_MS = 20_000;

/** `{_id: "abc", n: {$gt: 3}}` → `{_id,n:{$gt}}`: the shape says which index could answer it. */
function shape(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  if (Array.isArray(value)) return `[${value.length ? shape(value[0]) : ''}]`;
  if ('_bsontype' in value) return '';
  const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const inner = shape(v);
    return inner ? `${k}:${inner}` : k;
  });
  return `{${parts.join(',')}}`;
}

function selection(name: string, command: Record<string, unknown>): string {
  switch (name) {
    case 'find':
      return `${shape(command.filter ?? {})}${command.sort ? ` sort${shape(command.sort)}` : ''}`;
    case 'findAndModify':
      return shape(command.query ?? {});
    case 'update':
      return ((command.updates as { q: unknown }[]) ?? []).map((u) => shape(u.q)).join('|');
    case 'delete':
      return ((command.deletes as { q: unknown }[]) ?? []).map((d) => shape(d.q)).join('|');
    case 'count':
      return shape(command.query ?? {});
    default:
      return '';
  }
}

let tallies = new Map<string, Tally>();
const inFlight = new Map<number, string>();
const watched = new WeakSet<MongoClient>();

function watch(client: MongoClient): void {
  if (watched.has(client)) return;
  watched.add(client);
  client.on('commandStarted', (e) => {
    const collection = String(e.command[e.commandName] ?? '');
    inFlight.set(e.requestId, `${e.commandName} ${collection} ${selection(e.commandName, e.command)}`.trim());
  });
  const finished = (e: { requestId: number; duration: number }) => {
    const key = inFlight.get(e.requestId);
    if (!key) return;
    inFlight.delete(e.requestId);
    const t = tallies.get(key) ?? { count: 0, totalMs: 0, maxMs: 0 };
    t.count += 1;
    t.totalMs += e.duration;
    t.maxMs = Math.max(t.maxMs, e.duration);
    tallies.set(key, t);
  };
  client.on('commandSucceeded', finished);
  client.on('commandFailed', finished);
}

const connect = MongoClient.prototype.connect;
MongoClient.prototype.connect = function connectWithTimings(this: MongoClient) {
  // Command events are emitted only for clients with monitoring on.
  (this as unknown as { monitorCommands: boolean }).monitorCommands = true;
  watch(this);
  return connect.call(this);
};

const startedAt = Date.now();
setInterval(() => {
  if (tallies.size === 0) return;
  const rows = [...tallies.entries()].sort((a, b) => b[1].totalMs - a[1].totalMs).slice(0, 25);
  const total = rows.reduce((sum, [, t]) => sum + t.totalMs, 0);
  const lines = [`=== ${Math.round((Date.now() - startedAt) / 1000)} s, pid ${process.pid}, ${Math.round(total)} ms in commands`];
  for (const [key, t] of rows) {
    lines.push(`${String(t.count).padStart(6)} ${String(Math.round(t.totalMs)).padStart(8)} ms  avg ${(t.totalMs / t.count).toFixed(1).padStart(7)}  max ${String(Math.round(t.maxMs)).padStart(6)}  ${key}`);
  }
  fs.appendFileSync(OUT, `${lines.join('\n')}\n`);
  tallies = new Map();
}, WINDOW_MS).unref();
