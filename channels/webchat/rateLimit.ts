// Fixed-window request counting in MongoDB (one atomic $inc per request), so the limit holds
// across app instances. Used for the public token route, the one Direct Line route without auth.
import type { Model } from 'mongoose';
import type { DirectlineRateWindowDoc } from '../../models/directlineRateWindow';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

export async function takeFromWindow(windows: Model<DirectlineRateWindowDoc>, key: string, opts: RateLimitOptions, now = new Date()): Promise<RateDecision> {
  const windowStartMs = Math.floor(now.getTime() / opts.windowMs) * opts.windowMs;
  const id = `${key}@${windowStartMs}`;
  const update = { $inc: { count: 1 }, $setOnInsert: { windowStart: new Date(windowStartMs) } };
  let doc: DirectlineRateWindowDoc | null;
  try {
    doc = await windows.findOneAndUpdate({ _id: id }, update, { upsert: true, new: true }).lean();
  } catch (err) {
    // Two first requests in the same window raced on the upsert; the second one is now a plain $inc.
    if ((err as { code?: number }).code !== 11000) throw err;
    doc = await windows.findOneAndUpdate({ _id: id }, update, { new: true }).lean();
  }
  if (doc && doc.count === 1) {
    // First request of a window: forget windows that ended long ago (cheap, indexed).
    void windows.deleteMany({ windowStart: { $lt: new Date(windowStartMs - opts.windowMs) } }).catch(() => undefined);
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStartMs + opts.windowMs - now.getTime()) / 1000));
  return { allowed: (doc?.count ?? 1) <= opts.max, retryAfterSeconds };
}
