// A small Direct Line 3.0 client for tests: token, start, post, poll with watermark, stream.
import WebSocket from 'ws';

export interface DlActivity {
  id?: string;
  type: string;
  text?: string;
  from?: { id: string; name?: string; role?: string };
  attachments?: { contentType: string; contentUrl?: string; name?: string }[];
  channelData?: Record<string, unknown>;
  locale?: string;
  replyToId?: string;
  [key: string]: unknown;
}

export interface DlSession {
  token: string;
  conversationId: string;
  userId: string;
  streamUrl?: string;
}

export class DirectLineTestClient {
  watermark = '';
  constructor(
    readonly baseUrl: string,
    public session: DlSession,
  ) {}

  static async open(baseUrl: string): Promise<DirectLineTestClient> {
    const res = await fetch(`${baseUrl}/api/webchat/token`);
    if (res.status !== 200) throw new Error(`token route answered ${res.status}: ${await res.text()}`);
    const issued = (await res.json()) as { token: string; conversationId: string; userId: string };
    const client = new DirectLineTestClient(baseUrl, issued);
    const start = await client.request('POST', '/conversations', {});
    if (start.status !== 201 && start.status !== 200) throw new Error(`start conversation answered ${start.status}`);
    client.session.streamUrl = ((await start.json()) as { streamUrl: string }).streamUrl;
    return client;
  }

  request(method: string, path: string, body?: unknown, token = this.session.token): Promise<Response> {
    return fetch(`${this.baseUrl}/v3/directline${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async say(text: string, extra: Partial<DlActivity> = {}): Promise<string> {
    const res = await this.request('POST', `/conversations/${this.session.conversationId}/activities`, {
      type: 'message',
      text,
      from: { id: this.session.userId },
      ...extra,
    });
    if (res.status !== 200) throw new Error(`post activity answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  /** Activities after the current watermark (and moves the watermark on). */
  async poll(): Promise<DlActivity[]> {
    const res = await this.request('GET', `/conversations/${this.session.conversationId}/activities?watermark=${this.watermark}`);
    if (res.status !== 200) throw new Error(`get activities answered ${res.status}`);
    const page = (await res.json()) as { activities: DlActivity[]; watermark: string };
    this.watermark = page.watermark;
    return page.activities;
  }

  /** Bot messages received after the current watermark, polling until at least `count` arrive. */
  async botReplies(count = 1, timeoutMs = 15000): Promise<DlActivity[]> {
    const found: DlActivity[] = [];
    const until = Date.now() + timeoutMs;
    while (found.length < count && Date.now() < until) {
      found.push(...(await this.poll()).filter((a) => a.type === 'message' && a.from?.role === 'bot'));
      if (found.length < count) await new Promise((r) => setTimeout(r, 100));
    }
    return found;
  }

  /** Sends `text` and returns the bot's reply texts for that turn (joined for easy matching). */
  async ask(text: string): Promise<string> {
    await this.say(text);
    const replies = await this.botReplies(1);
    return replies.map((r) => r.text ?? '').join('\n');
  }

  openStream(): Promise<{ socket: WebSocket; messages: { activities: DlActivity[]; watermark: string }[] }> {
    const socket = new WebSocket(String(this.session.streamUrl));
    const messages: { activities: DlActivity[]; watermark: string }[] = [];
    socket.on('message', (data) => {
      const text = String(data);
      if (text) messages.push(JSON.parse(text));
    });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve({ socket, messages }));
      socket.once('error', reject);
    });
  }
}

export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
