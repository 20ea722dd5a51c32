// The pack data staff features need: the Ombudsman wording given to tenants and the role alerted
// on a missed deadline. Packs are immutable files, so each is read once per process.
import { loadPolicyPack } from '../../services/policy/packs';
import type { PackNoticeInfo } from './tenantNotices';

const cache = new Map<string, PackNoticeInfo | null>();

export function packNoticeInfo(packId: string): PackNoticeInfo | null {
  if (!cache.has(packId)) {
    try {
      const pack = loadPolicyPack(packId);
      cache.set(packId, {
        ombudsmanDetails: pack.signposting.ombudsmanText,
        escalationRole: pack.overdue.alertRole ?? undefined,
        interpreterNotices: pack.interpreterNotices,
      });
    } catch {
      cache.set(packId, null);
    }
  }
  return cache.get(packId) ?? null;
}
