// /api/messages with MICROSOFT_APP_ID set: Bot Framework JWTs are checked by the CloudAdapter.
// Microsoft's signing keys are not reachable here, so the OpenID metadata URL points at a local
// issuer (the ConfigurationBotFrameworkAuthentication setting meant for private clouds): tokens it
// signs are accepted, a missing token or one signed by any other key is refused with 401.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { postActivity, startStaffHarness, StaffHarness } from './staffHarness';

const APP_ID = '00000000-1111-2222-3333-444444444444';

function startIssuer(publicKey: KeyObject, kid: string): Promise<{ url: string; close(): Promise<void> }> {
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openidconfiguration') return res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
    if (req.url === '/keys') return res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    res.statusCode = 404;
    res.end('{}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/openidconfiguration`, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

describe('/api/messages with Bot Framework authentication on', () => {
  let h: StaffHarness;
  let issuer: { url: string; close(): Promise<void> };
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const token = (key: KeyObject, kid: string, claims: Record<string, unknown> = {}) =>
    jwt.sign({ serviceurl: h.connector.url, ...claims }, key.export({ format: 'pem', type: 'pkcs8' }) as string, {
      algorithm: 'RS256',
      keyid: kid,
      issuer: 'https://api.botframework.com',
      audience: APP_ID,
      expiresIn: '5m',
    });

  let consoleError: jest.SpyInstance;
  beforeAll(async () => {
    // botbuilder prints rejected keys with console.error; the assertions below are on the status.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    issuer = await startIssuer(trusted.publicKey, 'trusted-kid');
    h = await startStaffHarness({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-used-in-these-tests', BOT_OPENID_METADATA_URL: issuer.url });
  });
  afterAll(async () => {
    await h.stop();
    await issuer.close();
    consoleError.mockRestore();
  });

  it('refuses a request without a token with 401 and runs no bot turn', async () => {
    const res = await postActivity(h, { text: 'help' });
    expect(res.status).toBe(401);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('refuses a token signed by a key the issuer does not publish (401)', async () => {
    const res = await postActivity(h, { text: 'help' }, { authorization: `Bearer ${token(attacker.privateKey, 'trusted-kid')}` });
    expect(res.status).toBe(401);
  });

  it('refuses a garbage bearer value (401)', async () => {
    const res = await postActivity(h, { text: 'help' }, { authorization: 'Bearer not.a.jwt' });
    expect(res.status).toBe(401);
  });

  it('refuses a trusted token issued for another bot (audience) with 401', async () => {
    const other = jwt.sign({ serviceurl: h.connector.url }, trusted.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, {
      algorithm: 'RS256',
      keyid: 'trusted-kid',
      issuer: 'https://api.botframework.com',
      audience: 'some-other-bot',
      expiresIn: '5m',
    });
    const res = await postActivity(h, { text: 'help' }, { authorization: `Bearer ${other}` });
    expect(res.status).toBe(401);
  });

  it('accepts a valid channel token and runs the turn (expectReplies answers in the response)', async () => {
    const res = await postActivity(h, { text: 'help', deliveryMode: 'expectReplies' }, { authorization: `Bearer ${token(trusted.privateKey, 'trusted-kid')}` });
    const raw = await res.text();
    expect(res.status).toBe(200);
    const body = JSON.parse(raw) as { activities: { text?: string }[] };
    expect(body.activities.map((a) => a.text).join('\n')).toMatch(/Commands:/);
  });
});
