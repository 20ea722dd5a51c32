// Who may read an uploaded evidence file: the conversation it was sent in, or staff. Web Chat shows
// a photo with a plain <img src>, which cannot carry a bearer token, so the URLs handed to a
// verified client carry a short-lived signature for that one file (`?exp=&sig=`); the stored
// activity, the bot and the case keep the bare URL, which needs a credential.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { checkBearer } from '../staff-api/auth';
import { bearerToken, DirectLineTokens } from './tokens';

const ATTACHMENT_PATH = /\/v3\/directline\/attachments\/([\w-]+)$/;
const HOUR_S = 3600;

export type AttachmentAccess = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export class AttachmentSigner {
  constructor(private readonly secret: string) {}

  sign(attachmentId: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`attachment:${attachmentId}:${expiresAt}`).digest('base64url');
  }

  verify(attachmentId: string, expiresAt: number, signature: string, nowS = Math.floor(Date.now() / 1000)): boolean {
    if (!Number.isInteger(expiresAt) || expiresAt < nowS) return false;
    const expected = Buffer.from(this.sign(attachmentId, expiresAt));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Copies of `activities` whose own-upload URLs carry a signature valid for one to two hours. */
  signUrls(activities: Partial<Activity>[], nowS = Math.floor(Date.now() / 1000)): Partial<Activity>[] {
    // Whole hours, so a file's URL stays the same (and cacheable) for an hour.
    const expiresAt = (Math.floor(nowS / HOUR_S) + 2) * HOUR_S;
    return activities.map((activity) => {
      if (!activity.attachments?.some((a) => a.contentUrl && ATTACHMENT_PATH.test(a.contentUrl))) return activity;
      return {
        ...activity,
        attachments: activity.attachments.map((a) => {
          const id = a.contentUrl ? ATTACHMENT_PATH.exec(a.contentUrl)?.[1] : undefined;
          return id ? { ...a, contentUrl: `${a.contentUrl}?exp=${expiresAt}&sig=${this.sign(id, expiresAt)}` } : a;
        }),
      };
    });
  }
}

/**
 * A signed URL for this file, the conversation's own Direct Line token, or a staff API token.
 * Missing or expired credentials are 401; another conversation's token is 403.
 */
export function checkAttachmentAccess(
  request: { authorization?: string; exp?: unknown; sig?: unknown },
  file: { id: string; conversationId: string },
  deps: { signer: AttachmentSigner; tokens: DirectLineTokens; staffTokens: readonly string[] },
): AttachmentAccess {
  if (typeof request.sig === 'string' && typeof request.exp === 'string') {
    if (deps.signer.verify(file.id, Number(request.exp), request.sig)) return { ok: true };
    return { ok: false, status: 401, reason: 'this link has expired; open the file from the chat again' };
  }
  const bearer = bearerToken(request.authorization);
  if (!bearer) return { ok: false, status: 401, reason: 'sign-in needed to see this file' };
  if (deps.staffTokens.length && checkBearer(request.authorization, deps.staffTokens).ok) return { ok: true };
  const check = deps.tokens.verify(bearer);
  if (!check.ok) return { ok: false, status: 401, reason: check.reason };
  if (check.claims.conversationId !== file.conversationId) return { ok: false, status: 403, reason: 'this file belongs to another conversation' };
  return { ok: true };
}
