// Staff words reach the tenant, through the real TenantMessenger, in the tenant's language.
import { TenantMessenger, TenantAddress, TenantSender } from '../../../services/notifications/tenantMessenger';
import { createTranslator, sendToTenantInTheirLanguage, DEFAULT_INTERPRETER_NOTICES } from '../../../services/translation';
import { startFakeLibreTranslate } from '../../fakes/translators/libreTranslate';
import type { FakeServer } from '../../fakes/translators/httpFake';
import { PHRASES } from '../../fakes/translators/phrasebook';
import { captureLogs } from './logCapture';

class RecordingSmsSender implements TenantSender {
  readonly channel = 'sms' as const;
  readonly sent: { to: string; text: string }[] = [];
  async send(address: TenantAddress, text: string): Promise<void> {
    this.sent.push({ to: address.id, text });
  }
}

describe('sendToTenantInTheirLanguage', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeLibreTranslate();
  });
  afterAll(() => fake.stop());

  const address: TenantAddress = { channel: 'sms', id: '+447700900123' };

  it('sends the Bengali translation and hands back the English for the case', async () => {
    const sender = new RecordingSmsSender();
    const messenger = new TenantMessenger();
    messenger.register(sender);
    const translator = createTranslator({ TRANSLATOR_PROVIDER: 'libretranslate', TRANSLATOR_ENDPOINT: fake.url }, captureLogs().logger);
    const out = await sendToTenantInTheirLanguage({ messenger, translator }, address, PHRASES.stageResponse.en, 'bn');
    expect(sender.sent).toEqual([{ to: '+447700900123', text: PHRASES.stageResponse.bn }]);
    expect(out).toMatchObject({ english: PHRASES.stageResponse.en, translated: true, provider: 'LibreTranslate' });
  });

  it('with no translator sends the English plus the interpreter text in Polish', async () => {
    const sender = new RecordingSmsSender();
    const messenger = new TenantMessenger();
    messenger.register(sender);
    const translator = createTranslator({}, captureLogs().logger);
    await sendToTenantInTheirLanguage({ messenger, translator }, address, PHRASES.staffReply.en, 'pl');
    expect(sender.sent).toEqual([{ to: '+447700900123', text: `${PHRASES.staffReply.en}\n\n${DEFAULT_INTERPRETER_NOTICES.pl}` }]);
  });
});
