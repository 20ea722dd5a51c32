import { Writable } from 'node:stream';
import { createLogger } from '../../../services/logging/logger';

function capture(level = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _e, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: createLogger(level, stream), text: () => lines.join('') };
}

const PERSONAL = ['+447700900123', '07700 900123', 'alice@example.org', 'Alice Example', 'boiler leaking all over the kitchen', 'SW1A 1AA'];

describe('log redaction at info level', () => {
  it('redacts personal keys at any depth, as in a logged Bot Framework activity', () => {
    const { logger, text } = capture();
    logger.info(
      {
        turn: { context: { activity: { from: { id: 'u1', name: 'Alice Example' }, text: 'boiler leaking all over the kitchen', channelData: { contact: { email: 'alice@example.org', phone: '+447700900123' } } } } },
        reference: 'CMP-2026-000123',
      },
      'turn finished',
    );
    const out = text();
    for (const p of PERSONAL.slice(0, 5)) expect(out).not.toContain(p);
    expect(out).toContain('CMP-2026-000123');
    expect(out).toContain('turn finished');
  });

  it('masks phone numbers, e-mails and postcodes inside error messages and stacks, keeping the stack', () => {
    const { logger, text } = capture();
    const err = new Error('no contact for +447700900123 (alice@example.org) at SW1A 1AA');
    logger.error({ err }, 'lookup failed');
    logger.warn({ error: new Error('sms to 07700 900123 refused') }, 'send failed');
    const out = text();
    for (const p of ['+447700900123', '07700 900123', 'alice@example.org', 'SW1A 1AA']) expect(out).not.toContain(p);
    expect(out).toContain('redaction.test.ts');
    expect(out).toContain('[phone]');
  });

  it('masks personal data written into the message string itself', () => {
    const { logger, text } = capture();
    logger.info('text from +447700900123 about alice@example.org');
    expect(text()).not.toMatch(/7700900123|alice@/);
  });

  it('keeps everything at debug level, for a developer on their own machine', () => {
    const { logger, text } = capture('debug');
    logger.debug({ from: '+447700900123' }, 'raw');
    expect(text()).toContain('+447700900123');
  });
});
