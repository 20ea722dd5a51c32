// The carrier-standard SMS keywords Twilio itself honours on long codes (Advanced Opt-Out
// defaults). A message that is exactly one of these words is a keyword, not a conversation turn.
// Twilio blocks texts after CANCEL/END/QUIT too, so on SMS those mean STOP, not "cancel this step".
export type SmsKeyword = 'stop' | 'start' | 'help';

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START = new Set(['START', 'UNSTOP', 'OPTIN']);
/** Also opts back in, but only for someone who opted out: otherwise "yes" is an answer to the bot. */
const START_WHEN_OPTED_OUT = new Set(['YES']);
const HELP = new Set(['HELP', 'INFO']);

export function smsKeyword(body: string, optedOut = false): SmsKeyword | undefined {
  const word = body.trim().replace(/[.!\s]+$/, '').toUpperCase();
  if (STOP.has(word)) return 'stop';
  if (START.has(word) || (optedOut && START_WHEN_OPTED_OUT.has(word))) return 'start';
  if (HELP.has(word)) return 'help';
  return undefined;
}

export function keywordReply(keyword: SmsKeyword, landlordName: string): string {
  switch (keyword) {
    case 'stop':
      return `You will get no more texts from ${landlordName}. Reply START to get them again.`;
    case 'start':
      return `Texts from ${landlordName} are back on. Tell us what's wrong, or reply HELP for help, STOP to stop.`;
    case 'help':
      return `${landlordName} complaints: text us what went wrong, or "status" to check a complaint. Emergencies: call 999. Reply STOP to stop texts.`;
  }
}
