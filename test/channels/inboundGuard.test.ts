// Both tenant channels put every message through the real inbound guard (services/ratelimit)
// before a bot turn: a flooding sender is told once, then the bot is spared; nothing is lost.
import { createInboundGuard } from '../../services/ratelimit';
import { EchoSmsBot, PUBLIC_BASE_URL, startSmsHarness } from './sms/harness';
import { EchoBot, startWebchatHarness } from './webchat/harness';
import { SmsTestClient } from '../helpers/sms';
import { DirectLineTestClient } from '../helpers/directline';

const guard = (models: Parameters<typeof createInboundGuard>[0]['models']) => createInboundGuard({ models, perSender: { limit: 2, windowMs: 60_000 } });

describe('inbound guard on the tenant channels', () => {
  it('SMS: past the limit the sender gets one kind reply, then silence, and every message is kept', async () => {
    const bot = new EchoSmsBot();
    const h = await startSmsHarness(bot, { inboundCheck: guard });
    try {
      const tenant = new SmsTestClient(h.url, PUBLIC_BASE_URL, '+447700900401');
      const replies = [];
      for (let i = 0; i < 4; i++) replies.push((await tenant.text(`message ${i}`)).messages);
      expect(replies[0]).toEqual(['echo: message 0']);
      expect(replies[1]).toEqual(['echo: message 1']);
      expect(replies[2][0]).toMatch(/a lot of messages.*kept/);
      expect(replies[3]).toEqual([]);
      expect(bot.turns).toBe(2);
      expect(await h.db.models.SmsInbound.countDocuments({ from: '+447700900401' })).toBe(4);
    } finally {
      await h.stop();
    }
  });

  it('webchat: past the limit the message stays in the conversation and the bot is not asked', async () => {
    const h = await startWebchatHarness(new EchoBot(), { inboundCheck: guard });
    try {
      const dl = await DirectLineTestClient.open(h.url);
      await dl.botReplies(1);
      for (let i = 0; i < 4; i++) await dl.say(`message ${i}`);
      const log = await dl.poll();
      expect(log.filter((a) => a.from?.role === 'user').map((a) => a.text)).toEqual(['message 0', 'message 1', 'message 2', 'message 3']);
      const bot = log.filter((a) => a.from?.role === 'bot').map((a) => a.text);
      expect(bot.filter((t) => t?.startsWith('echo:'))).toHaveLength(2);
      expect(bot.filter((t) => /a lot of messages/.test(t ?? ''))).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
