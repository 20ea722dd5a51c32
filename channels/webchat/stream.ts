// The Direct Line `streamUrl` WebSocket. Each socket pushes ActivitySets ({ activities, watermark }):
// what this instance appends goes out at once (no read back), and a short poll (one `_id` read when
// nothing is new) finds what another instance wrote. The token rides in the URL (`t=`), as on Azure.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity } from 'botbuilder';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../services/logging/logger';
import { AppendedEvent, DirectLineStore, parseWatermark } from './conversationStore';
import { DirectLineTokens } from './tokens';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?]+)\/stream$/;

export interface StreamOptions {
  httpServer: HttpServer;
  store: DirectLineStore;
  tokens: DirectLineTokens;
  logger: Logger;
  /** How often a socket looks for activities written by other instances. */
  pollIntervalMs?: number;
  /** How often a socket looks once nothing has happened in its conversation for quietAfterMs. */
  idlePollMs?: number;
  quietAfterMs?: number;
  /** Empty keep-alive messages, as Azure sends, so proxies keep the socket open. */
  heartbeatMs?: number;
  /** What the client gets instead of the stored activities (e.g. signed evidence URLs). */
  present?: (activities: Partial<Activity>[]) => Partial<Activity>[];
}

export interface DirectLineStreams {
  close(): Promise<void>;
}

export function attachDirectLineStreams(opts: StreamOptions): DirectLineStreams {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const pollMs = opts.pollIntervalMs ?? 500;
  const heartbeatMs = opts.heartbeatMs ?? 20000;
  const idlePollMs = opts.idlePollMs ?? 3000;
  const quietAfterMs = opts.quietAfterMs ?? 15_000;
  const present = opts.present ?? ((activities: Partial<Activity>[]) => activities);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return; // another feature's socket
    const conversationId = decodeURIComponent(match[1]);
    const check = opts.tokens.verify(url.searchParams.get('t') ?? undefined);
    const refuse = (status: number, reason: string) => {
      socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!check.ok) return refuse(401, 'Unauthorized');
    if (check.claims.conversationId !== conversationId) return refuse(403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => stream(ws, conversationId, parseWatermark(url.searchParams.get('watermark') ?? undefined)));
  };
  opts.httpServer.on('upgrade', onUpgrade);

  const stream = (ws: WebSocket, conversationId: string, startWatermark: number) => {
    let watermark = startWatermark;
    let busy = false;
    let again = false;
    // A quiet conversation is polled less often (idlePollMs); anything new makes it brisk again.
    let lastNews = Date.now();
    let ticks = 0;
    const pump = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const page = await opts.store.listAfter(conversationId, watermark, { includeTyping: true });
          if (page.watermark > watermark && ws.readyState === WebSocket.OPEN) {
            watermark = page.watermark;
            lastNews = Date.now();
            if (page.activities.length) ws.send(JSON.stringify({ activities: present(page.activities), watermark: String(watermark) }));
          }
        } while (again);
      } catch (err) {
        opts.logger.warn({ err, conversationId }, 'direct line stream read failed; will retry');
      } finally {
        busy = false;
      }
    };
    const onAppended = (event: AppendedEvent) => {
      if (event.conversationId !== conversationId) return;
      // The next activity, written on this instance: send it as it is, without reading it back.
      lastNews = Date.now();
      if (!busy && event.seq === watermark + 1 && ws.readyState === WebSocket.OPEN) {
        watermark = event.seq;
        ws.send(JSON.stringify({ activities: present([event.activity]), watermark: String(watermark) }));
        return;
      }
      void pump();
    };
    opts.store.appended.on('appended', onAppended);
    const poll = setInterval(() => {
      const quiet = Date.now() - lastNews > quietAfterMs;
      if (quiet && ++ticks * pollMs < idlePollMs) return;
      ticks = 0;
      void pump();
    }, pollMs);
    const beat = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send(''), heartbeatMs);
    ws.on('close', () => {
      clearInterval(poll);
      clearInterval(beat);
      opts.store.appended.off('appended', onAppended);
    });
    // The client's own keep-alive pings are empty strings; nothing else is expected from it.
    ws.on('message', () => undefined);
    void pump();
  };

  return {
    async close() {
      opts.httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
