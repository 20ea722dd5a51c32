// The case as the staff API returns it (DESIGN.md: reference, stage, status, channel, language,
// receivedAt, deadlines{acknowledgeBy, respondBy, escalateBy}, history[] at least). Dates are ISO
// strings; the channel address and contact id stay internal.
import type { CaseRecord, Deadlines } from '../../services/cases/types';
import { isOverdue } from '../../dialogs/staff/caseViews';

export { isOverdue };

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const deadlines = (d: Deadlines) => ({ acknowledgeBy: iso(d.acknowledgeBy), respondBy: iso(d.respondBy), escalateBy: iso(d.escalateBy) });

export function caseSummaryJson(c: CaseRecord, now = new Date()) {
  return {
    reference: c.reference,
    stage: c.stage,
    status: c.status,
    channel: c.channel,
    language: c.language,
    category: c.category ?? null,
    summary: c.summary,
    receivedAt: iso(c.receivedAt),
    acknowledgedAt: iso(c.acknowledgedAt),
    handler: c.handlers[c.stage] ?? null,
    handlers: c.handlers,
    deadlines: deadlines(c.deadlines),
    overdue: isOverdue(c, now),
    flags: c.flags,
  };
}

export function caseJson(c: CaseRecord, now = new Date()) {
  return {
    ...caseSummaryJson(c, now),
    packId: c.packId,
    originalText: c.originalText ?? null,
    desiredOutcome: c.desiredOutcome ?? null,
    whatHappened: c.whatHappened ?? null,
    whenHappened: c.whenHappened ?? null,
    incidentDate: iso(c.incidentDate),
    location: c.location ?? null,
    reasonableAdjustments: c.reasonableAdjustments ?? null,
    representative: c.representative ?? null,
    evidence: c.evidence.map((e) => ({ ...e, addedAt: iso(e.addedAt) })),
    stageDeadlines: Object.fromEntries(Object.entries(c.stageDeadlines).map(([s, d]) => [s, d ? deadlines(d) : null])),
    extensions: c.extensions.map((e) => ({ ...e, previousRespondBy: iso(e.previousRespondBy), newRespondBy: iso(e.newRespondBy), at: iso(e.at) })),
    responses: c.responses.map((r) => ({ ...r, at: iso(r.at) })),
    stage2Reasons: c.stage2Reasons ?? null,
    holdReason: c.holdReason ?? null,
    notAcceptedReason: c.notAcceptedReason ?? null,
    closedAt: iso(c.closedAt),
    satisfaction: c.satisfaction ? { ...c.satisfaction, at: iso(c.satisfaction.at) } : null,
    history: c.history.map((h) => ({ ...h, at: iso(h.at) })),
  };
}
