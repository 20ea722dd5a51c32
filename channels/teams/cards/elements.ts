// Small Adaptive Card (schema 1.4) builders shared by the staff cards.
export type CardElement = Record<string, unknown>;
export type AdaptiveCard = { type: 'AdaptiveCard'; $schema: string; version: string; body: CardElement[]; actions?: CardElement[] };

export const card = (body: CardElement[], actions: CardElement[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.4',
  body,
  ...(actions.length ? { actions } : {}),
});

export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
export const textBlock = (text: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const facts = (pairs: [string, string | null | undefined][]): CardElement => ({
  type: 'FactSet',
  facts: pairs.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([title, value]) => ({ title, value })),
});
export const input = (id: string, label: string, extra: CardElement = {}): CardElement => ({ type: 'Input.Text', id, label, ...extra });
export const dateInput = (id: string, label: string, required = true): CardElement => ({ type: 'Input.Date', id, label, isRequired: required, errorMessage: `${label} is required` });
export const choice = (id: string, label: string, options: [string, string][], required = true): CardElement => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  isRequired: required,
  errorMessage: `${label} is required`,
  choices: options.map(([title, value]) => ({ title, value })),
});

/** Data every staff submit carries; Teams merges the inputs' values into it. */
export interface StaffSubmitData {
  verb: 'staff' | 'log' | 'open_from_conversation' | 'take_over' | 'end_take_over';
  action?: string;
  reference?: string;
  [key: string]: unknown;
}

export const submit = (title: string, data: StaffSubmitData, style?: 'positive' | 'destructive'): CardElement => ({
  type: 'Action.Submit',
  title,
  data,
  ...(style ? { style } : {}),
});

export const showCard = (title: string, body: CardElement[], action: CardElement): CardElement => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions: [action] },
});

/** Dates as people read them in the UK. */
export function ukDate(d: Date | string | null | undefined): string | undefined {
  if (!d) return undefined;
  return new Date(d).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
}
