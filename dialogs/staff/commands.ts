// Typed staff commands in Teams ("ack CMP-2026-000123", "hold CMP-… waiting for survey"), parsed
// into the same action input the cards and the REST API use.
export type StaffCommand =
  | { kind: 'help' }
  | { kind: 'subscribe'; scope: 'all' | 'escalations' }
  | { kind: 'unsubscribe' }
  | { kind: 'show'; reference: string }
  | { kind: 'list'; filter: 'all' | 'overdue' | 'quick' | 'stage1' | 'stage2' }
  | { kind: 'action'; reference: string; input: Record<string, unknown> }
  | { kind: 'form'; form: 'respond' | 'extend' | 'restrict'; reference: string }
  | { kind: 'log' }
  | { kind: 'take_over'; reference: string }
  | { kind: 'reply'; target: string; text: string }
  | { kind: 'end'; target: string }
  | { kind: 'unknown'; text: string };

const REF = '(CMP-\\d{4}-\\d{6})';
const TARGET = '(CMP-\\d{4}-\\d{6}|(?:sms|webchat|teams):\\S+)';

/** Removes the Teams "<at>Bot</at>" mention and surrounding space. */
export function stripMention(text: string): string {
  // Line breaks are kept: a reply to a tenant may have several lines.
  return text.replace(/<at>[^<]*<\/at>/gi, '').replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

export function parseStaffCommand(raw: string): StaffCommand {
  const text = stripMention(raw);
  const m = (re: string) => new RegExp(`^${re}$`, 'i').exec(text);
  let r: RegExpExecArray | null;
  if (/^(help|\?|menu)$/i.test(text) || text === '') return { kind: 'help' };
  if (/^subscribe( here)?$/i.test(text)) return { kind: 'subscribe', scope: 'all' };
  if (/^subscribe( here)?( to)? escalations?( here)?$/i.test(text)) return { kind: 'subscribe', scope: 'escalations' };
  if (/^unsubscribe( here)?$/i.test(text)) return { kind: 'unsubscribe' };
  if (/^log( complaint)?$/i.test(text)) return { kind: 'log' };
  if ((r = m(`(?:case|show)\\s+${REF}`)) || (r = m(REF))) return { kind: 'show', reference: r[1].toUpperCase() };
  if ((r = m('(?:cases|list)(?:\\s+(overdue|quick|stage1|stage2|all))?'))) return { kind: 'list', filter: ((r[1] ?? 'all').toLowerCase() as 'all') };
  if ((r = m(`(?:ack|acknowledge)\\s+${REF}`))) return action(r[1], { action: 'acknowledge' });
  if ((r = m(`assign\\s+${REF}\\s+(.+)`))) return action(r[1], { action: 'assign', handler: r[2] });
  if ((r = m(`escalate\\s+${REF}`))) return action(r[1], { action: 'escalate' });
  if ((r = m(`stage ?2\\s+${REF}(?:\\s+(.+))?`))) return action(r[1], { action: 'escalate', onBehalf: true, ...(r[2] ? { reasons: r[2] } : {}) });
  if ((r = m(`hold\\s+${REF}(?:\\s+(.+))?`))) return action(r[1], { action: 'hold', reason: r[2] ?? '' });
  if ((r = m(`resume\\s+${REF}`))) return action(r[1], { action: 'resume' });
  if ((r = m(`close\\s+${REF}(?:\\s+(.+))?`))) return action(r[1], { action: 'close', reason: r[2] ?? '' });
  if ((r = m(`not[ _-]?accepted\\s+${REF}(?:\\s+(.+))?`))) return action(r[1], { action: 'not_accepted', reason: r[2] ?? '' });
  if ((r = m(`(?:waiting|await(?:ing)?(?: tenant)?)\\s+${REF}(?:\\s+(.+))?`))) return action(r[1], { action: 'await_tenant', reason: r[2] ?? '' });
  if ((r = m(`(?:contact|tenant replied)\\s+${REF}(?:\\s+(.+))?`))) return action(r[1], { action: 'tenant_contact', ...(r[2] ? { reason: r[2] } : {}) });
  if ((r = m(`(respond|extend|restrict)\\s+${REF}`))) return { kind: 'form', form: r[1].toLowerCase() as 'respond', reference: r[2].toUpperCase() };
  if ((r = m(`take ?over\\s+${REF}`))) return { kind: 'take_over', reference: r[1].toUpperCase() };
  if ((r = m(`reply\\s+${TARGET}\\s+([\\s\\S]+)`))) return { kind: 'reply', target: normaliseTarget(r[1]), text: r[2].trim() };
  if ((r = m(`(?:end|release)\\s+${TARGET}`))) return { kind: 'end', target: normaliseTarget(r[1]) };
  return { kind: 'unknown', text };
}

function action(reference: string, input: Record<string, unknown>): StaffCommand {
  return { kind: 'action', reference: reference.toUpperCase(), input };
}

function normaliseTarget(t: string): string {
  return /^CMP-/i.test(t) ? t.toUpperCase() : t;
}
