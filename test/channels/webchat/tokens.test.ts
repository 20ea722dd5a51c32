// Direct Line tokens: the HMAC key is built once; tokens stay compatible with ones signed from the
// plain secret (an instance still on the older code during a rolling upgrade).
import jwt from 'jsonwebtoken';
import { DirectLineTokens } from '../../../channels/webchat/tokens';

const SECRET = 'a-signing-secret-of-reasonable-length-0123456789';

describe('Direct Line tokens', () => {
  it('verifies a token it issued, with its conversation and user', () => {
    const tokens = new DirectLineTokens(SECRET, 60);
    const { token } = tokens.issue('conv-1', 'dl_user_1');
    const check = tokens.verify(token);
    expect(check).toMatchObject({ ok: true, claims: { conversationId: 'conv-1', userId: 'dl_user_1' } });
  });

  it('accepts a token signed with the same secret as a plain string, and refuses one signed with another secret', () => {
    const tokens = new DirectLineTokens(SECRET, 60);
    const fromString = jwt.sign({ conv: 'conv-2', user: 'dl_user_2' }, SECRET, { algorithm: 'HS256', expiresIn: 60, issuer: 'housing-complaints-directline' });
    const forged = jwt.sign({ conv: 'conv-2', user: 'dl_user_2' }, `${SECRET}x`, { algorithm: 'HS256', expiresIn: 60, issuer: 'housing-complaints-directline' });
    expect(tokens.verify(fromString)).toMatchObject({ ok: true, claims: { conversationId: 'conv-2' } });
    expect(tokens.verify(forged)).toEqual({ ok: false, status: 401, reason: 'invalid token' });
    // And the other way round: a token this class issued verifies with the plain string.
    expect(jwt.verify(tokens.issue('conv-3', 'dl_user_3').token, SECRET)).toMatchObject({ conv: 'conv-3' });
  });

  it('refuses an expired token with the reason', () => {
    const tokens = new DirectLineTokens(SECRET, 60);
    const expired = jwt.sign({ conv: 'c', user: 'u', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, { algorithm: 'HS256', issuer: 'housing-complaints-directline' });
    expect(tokens.verify(expired)).toEqual({ ok: false, status: 401, reason: 'token expired' });
    expect(tokens.verify(undefined)).toEqual({ ok: false, status: 401, reason: 'missing token' });
  });
});
