import { parseStaffCommand } from '../../../dialogs/staff/commands';
import { staffActionSchema } from '../../../dialogs/staff/actionSchemas';

describe('typed staff commands', () => {
  const ref = 'CMP-2026-000123';

  it.each([
    [`ack ${ref}`, { action: 'acknowledge' }],
    [`acknowledge ${ref.toLowerCase()}`, { action: 'acknowledge' }],
    [`assign ${ref} Priya Patel`, { action: 'assign', handler: 'Priya Patel' }],
    [`escalate ${ref}`, { action: 'escalate' }],
    [`stage2 ${ref} wants a review of the repair`, { action: 'escalate', onBehalf: true, reasons: 'wants a review of the repair' }],
    [`stage 2 ${ref}`, { action: 'escalate', onBehalf: true }],
    [`hold ${ref} SAR in progress`, { action: 'hold', reason: 'SAR in progress' }],
    [`resume ${ref}`, { action: 'resume' }],
    [`close ${ref} resolved by phone`, { action: 'close', reason: 'resolved by phone' }],
    [`not accepted ${ref} legal proceedings started`, { action: 'not_accepted', reason: 'legal proceedings started' }],
    [`waiting ${ref} photos of the damp`, { action: 'await_tenant', reason: 'photos of the damp' }],
    [`contact ${ref} tenant phoned back`, { action: 'tenant_contact', reason: 'tenant phoned back' }],
    [`contact ${ref}`, { action: 'tenant_contact' }],
  ])('parses "%s" into a valid action', (text, expected) => {
    const cmd = parseStaffCommand(`<at>Complaints</at> ${text}`);
    expect(cmd).toEqual({ kind: 'action', reference: ref, input: expected });
    if (cmd.kind === 'action') expect(staffActionSchema.safeParse(cmd.input).success).toBe(true);
  });

  it('parses forms, lists, take-over and subscriptions', () => {
    expect(parseStaffCommand(`respond ${ref}`)).toEqual({ kind: 'form', form: 'respond', reference: ref });
    expect(parseStaffCommand('cases overdue')).toEqual({ kind: 'list', filter: 'overdue' });
    expect(parseStaffCommand('cases')).toEqual({ kind: 'list', filter: 'all' });
    expect(parseStaffCommand(ref)).toEqual({ kind: 'show', reference: ref });
    expect(parseStaffCommand(`take over ${ref}`)).toEqual({ kind: 'take_over', reference: ref });
    expect(parseStaffCommand(`reply ${ref} We will call at 3pm\nThanks`)).toEqual({ kind: 'reply', target: ref, text: 'We will call at 3pm\nThanks' });
    expect(parseStaffCommand('end sms:+447700900123')).toEqual({ kind: 'end', target: 'sms:+447700900123' });
    expect(parseStaffCommand('subscribe here')).toEqual({ kind: 'subscribe', scope: 'all' });
    expect(parseStaffCommand('subscribe escalations')).toEqual({ kind: 'subscribe', scope: 'escalations' });
    expect(parseStaffCommand('')).toEqual({ kind: 'help' });
  });

  it('leaves a hold without a reason to the schema, which refuses it', () => {
    const cmd = parseStaffCommand(`hold ${ref}`);
    expect(cmd.kind).toBe('action');
    if (cmd.kind === 'action') expect(staffActionSchema.safeParse(cmd.input).success).toBe(false);
  });

  it('does not mistake free text for a command', () => {
    expect(parseStaffCommand('please close everything')).toEqual({ kind: 'unknown', text: 'please close everything' });
  });
});
