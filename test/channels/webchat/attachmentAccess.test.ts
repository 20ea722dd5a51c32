// Signed evidence links: what a verified Web Chat client gets instead of the bare upload URL.
import { AttachmentSigner, checkAttachmentAccess } from '../../../channels/webchat/attachmentAccess';
import { DirectLineTokens } from '../../../channels/webchat/tokens';

const signer = new AttachmentSigner('test-signing-secret');
const tokens = new DirectLineTokens('test-signing-secret');
const file = { id: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab', conversationId: 'conv-1' };
const deps = { signer, tokens, staffTokens: [] as string[] };
const nowS = 1_800_000_000;

describe('evidence link signatures', () => {
  it('signs only the app\'s own upload URLs, for one to two hours', () => {
    const [signed, untouched] = signer.signUrls(
      [
        { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: `https://chat.example/v3/directline/attachments/${file.id}` }] },
        { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://api.twilio.com/media/ME123' }] },
      ],
      nowS,
    );
    const url = new URL(String(signed.attachments?.[0].contentUrl));
    const exp = Number(url.searchParams.get('exp'));
    expect(exp - nowS).toBeGreaterThan(3600);
    expect(exp - nowS).toBeLessThanOrEqual(7200);
    expect(signer.verify(file.id, exp, String(url.searchParams.get('sig')), nowS)).toBe(true);
    expect(untouched.attachments?.[0].contentUrl).toBe('https://api.twilio.com/media/ME123');
  });

  it('refuses a signature once it has expired, or for another file', () => {
    const exp = nowS + 60;
    const sig = signer.sign(file.id, exp);
    expect(signer.verify(file.id, exp, sig, nowS)).toBe(true);
    expect(signer.verify(file.id, exp, sig, nowS + 61)).toBe(false);
    expect(signer.verify('another-file-id', exp, sig, nowS)).toBe(false);
    expect(new AttachmentSigner('another-secret').verify(file.id, exp, sig, nowS)).toBe(false);
  });

  it('tells a missing credential (401) from another conversation\'s token (403)', () => {
    expect(checkAttachmentAccess({}, file, deps)).toMatchObject({ ok: false, status: 401 });
    const other = tokens.issue('conv-2', 'dl_user2').token;
    expect(checkAttachmentAccess({ authorization: `Bearer ${other}` }, file, deps)).toMatchObject({ ok: false, status: 403 });
    const own = tokens.issue('conv-1', 'dl_user1').token;
    expect(checkAttachmentAccess({ authorization: `Bearer ${own}` }, file, deps)).toEqual({ ok: true });
  });
});
