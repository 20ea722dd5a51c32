// A case is opened once per dialog, even when a turn is run twice (state conflict retry) or two
// messages reach the same confirmation at once: the dialog's id is claimed with a create-only
// state write before opening, and the reference is kept under it for the run that lost the claim.
import type { TurnContext } from 'botbuilder';
import type { CaseRecord } from '../services/cases/types';
import { StateConflictError } from '../services/state/stateStore';
import { turnOf } from './tenantTurn';

export async function openOnce(context: TurnContext, dialogRunId: string, open: () => Promise<CaseRecord>): Promise<CaseRecord> {
  const { deps } = turnOf(context);
  const key = `tenant-open/${dialogRunId}`;
  try {
    await deps.storage.write({ [key]: { eTag: '0', at: new Date().toISOString() } });
  } catch (err) {
    if (!(err instanceof StateConflictError)) throw err;
    // The other run is opening it: wait a little for its reference (bounded).
    for (let i = 0; i < 20; i++) {
      const existing = (await deps.storage.read([key]))[key] as { reference?: string } | undefined;
      const record = existing?.reference ? await deps.cases.get(existing.reference) : null;
      if (record) return record;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    // The other run claimed it but has not finished opening: open nothing twice, say so plainly.
    throw new CaseAlreadyOpeningError();
  }
  const record = await open();
  await deps.storage.write({ [key]: { reference: record.reference, eTag: '*' } });
  return record;
}

export class CaseAlreadyOpeningError extends Error {
  constructor() {
    super('this complaint is being logged by another message of the same conversation');
    this.name = 'CaseAlreadyOpeningError';
  }
}
