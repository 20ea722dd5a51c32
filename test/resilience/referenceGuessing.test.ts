// Guessing case references in the status flow: limited per sender, logged, and a refused guess
// sends no code to the case owner's phone (so guessing cannot flood them with texts).
import { Writable } from 'node:stream';
import { createTenantBot } from '../../bots/tenantBot';
import { createLogger } from '../../services/logging/logger';
import { createReferenceGuard } from '../../services/ratelimit';
import { startHarness, Harness } from '../bots/tenantHarness';

describe('reference guessing in the status flow', () => {
  let h: Harness;
  const logLines: string[] = [];
  let ownerReference = '';

  beforeAll(async () => {
    h = await startHarness();
    const stream = new Writable({
      write(chunk, _e, cb) {
        logLines.push(String(chunk));
        cb();
      },
    });
    const referenceGuard = createReferenceGuard({ models: h.db.models, logger: createLogger('info', stream), limit: 3, windowMs: 60 * 60 * 1000 });
    h.bot = createTenantBot({ ...h.deps, referenceGuard });
    const owner = await h.deps.contacts.findOrCreateByIdentity({ channel: 'sms', id: '+447700900601' }, { phone: '+447700900601' });
    const record = await h.deps.cases.open(
      { contactId: owner.id, stage: 'stage1', channel: 'sms', language: 'en', summary: 'Damp in the bedroom not fixed' },
      { kind: 'tenant', id: owner.id, channel: 'sms' },
    );
    ownerReference = record.reference;
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const codesSentToOwner = () => h.sent.filter((s) => s.address.id === '+447700900601').length;

  async function tryReference(attacker: ReturnType<Harness['chat']>, reference: string): Promise<string> {
    await attacker.say('STATUS');
    const replies = await attacker.say(reference);
    await attacker.say('000000');
    return replies.join('\n');
  }

  it('sends the owner a code for the first lookups, then stops answering lookups from that sender and logs it', async () => {
    const attacker = h.chat('webchat', 'dl_attacker_1');
    const before = codesSentToOwner();
    await tryReference(attacker, ownerReference);
    expect(codesSentToOwner()).toBe(before + 1);

    await tryReference(attacker, 'CMP-2026-999998');
    await tryReference(attacker, 'CMP-2026-999997');
    const refusedReply = await tryReference(attacker, ownerReference);

    // The 4th lookup is past the limit: same reply as for any reference, but no code goes out.
    expect(codesSentToOwner()).toBe(before + 1);
    expect(refusedReply).toMatch(/code/i);
    const warning = logLines.find((l) => l.includes('reference_lookup_rate_limited'));
    expect(warning).toBeDefined();
    expect(warning).not.toContain('dl_attacker_1');

    // Another sender is not affected.
    const other = h.chat('webchat', 'dl_someone_else');
    await tryReference(other, ownerReference);
    expect(codesSentToOwner()).toBe(before + 2);
  }, 60_000);
});
