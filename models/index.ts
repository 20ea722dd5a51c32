// Every mongoose model, bound to one connection. Add a model here when you add a schema.
import type { Connection } from 'mongoose';
import { counterModel } from './counter';

export function createModels(connection: Connection) {
  return {
    Counter: counterModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
