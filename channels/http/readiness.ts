// /readyz for a load balancer: "take this instance out" must mean the database is gone, not slow.
// Under load a ping waits behind busy pool connections; a short ping limit then said 503 on every
// instance at once (measured: 1.5 s under the 50-tenant bench). So: not ready when the driver has
// lost the server (connection state), or when a ping fails; when a ping is only slow, ready as long
// as the database answered something recently (its own ping or the driver's heartbeat, which runs on
// a separate monitoring connection every few seconds).
import type { Connection } from 'mongoose';

export interface ReadinessOptions {
  /** How long one ping may take before it counts as "slow" (default 5 s). */
  pingTimeoutMs?: number;
  /** A slow ping still means ready if the database answered within this long (default 20 s). */
  recentAnswerMs?: number;
  now?: () => number;
  /** The database ping (default: the admin `ping` command on this connection). */
  ping?: () => Promise<unknown>;
}

export function createDatabaseReadiness(connection: Connection, options: ReadinessOptions = {}): () => Promise<boolean> {
  const pingTimeoutMs = options.pingTimeoutMs ?? 5000;
  const recentAnswerMs = options.recentAnswerMs ?? 20_000;
  const now = options.now ?? Date.now;
  let lastAnswerAt = 0;
  let inFlight: Promise<'ok' | 'failed' | 'slow'> | undefined;

  const client = connection.getClient();
  client.on('serverHeartbeatSucceeded', () => {
    lastAnswerAt = now();
  });

  const ping = async (): Promise<'ok' | 'failed' | 'slow'> => {
    const db = connection.db;
    if (!db) return 'failed';
    let timer: NodeJS.Timeout | undefined;
    try {
      const answered = (options.ping ? options.ping() : db.admin().ping())
        .then(() => {
          lastAnswerAt = now();
          return 'ok' as const;
        })
        .catch(() => 'failed' as const);
      const slow = new Promise<'slow'>((resolve) => {
        timer = setTimeout(() => resolve('slow'), pingTimeoutMs);
      });
      return await Promise.race([answered, slow]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  };

  return async () => {
    if (connection.readyState !== 1) return false;
    // Many probes at once share one ping instead of adding to the load.
    inFlight ??= ping().finally(() => {
      inFlight = undefined;
    });
    const result = await inFlight;
    if (result === 'ok') return true;
    if (result === 'failed') return false;
    return now() - lastAnswerAt <= recentAnswerMs;
  };
}
