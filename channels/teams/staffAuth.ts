// Who may act as staff in Teams: users of the configured Teams (AAD) tenant and, when a staff
// list is configured, only the users on it. With neither configured nobody is staff: access is
// never open by accident.
import type { Activity } from 'botbuilder';

export type StaffRole = 'handler' | 'manager';

export interface StaffIdentity {
  id: string;
  name?: string;
  role: StaffRole;
  tenantId?: string;
}

export interface StaffAccessConfig {
  tenantId?: string;
  /** Entries "aadObjectIdOrUpn" or "aadObjectIdOrUpn:manager". */
  users: readonly string[];
}

export type StaffAuthResult = { ok: true; staff: StaffIdentity } | { ok: false; reason: 'not_configured' | 'wrong_tenant' | 'not_staff' };

export function parseStaffUsers(entries: readonly string[]): Map<string, StaffRole> {
  const map = new Map<string, StaffRole>();
  for (const e of entries) {
    const [id, role] = e.split(':').map((s) => s.trim());
    if (id) map.set(id.toLowerCase(), role?.toLowerCase() === 'manager' ? 'manager' : 'handler');
  }
  return map;
}

export function activityTenantId(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? activity.conversation?.tenantId;
}

export function authoriseStaff(activity: Partial<Activity>, config: StaffAccessConfig): StaffAuthResult {
  const users = parseStaffUsers(config.users);
  if (!config.tenantId && users.size === 0) return { ok: false, reason: 'not_configured' };
  const tenantId = activityTenantId(activity);
  if (config.tenantId && tenantId?.toLowerCase() !== config.tenantId.toLowerCase()) return { ok: false, reason: 'wrong_tenant' };
  const from = activity.from;
  const candidates = [from?.aadObjectId, from?.id, (from as { userPrincipalName?: string } | undefined)?.userPrincipalName]
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .map((v) => v.toLowerCase());
  let role: StaffRole = 'handler';
  if (users.size > 0) {
    const match = candidates.find((c) => users.has(c));
    if (!match) return { ok: false, reason: 'not_staff' };
    role = users.get(match)!;
  }
  return { ok: true, staff: { id: from?.aadObjectId ?? from?.id ?? 'unknown', name: from?.name, role, tenantId } };
}

export const REFUSAL_TEXT: Record<Exclude<StaffAuthResult, { ok: true }>['reason'], string> = {
  not_configured: 'Sorry, staff access to the complaints bot has not been set up yet. Please ask your IT team to configure it.',
  wrong_tenant: "Sorry, this bot is only for the housing association's complaints staff.",
  not_staff: "Sorry, you're not on the complaints staff list, so I can't show or change cases. If you need access, please ask your complaints manager.",
};
