// A preload that tells retained memory from garbage not yet collected: every 30 s it runs a full
// garbage collection in the product (`node dist/index.js`) and appends RSS and the heap still in use
// after it. A steady climb of `heapUsed` means something is kept; RSS alone also moves with V8's
// lazy collection and heap sizing under load.
//   npm run build && NODE_OPTIONS="--expose-gc --require $PWD/dist/bench/heapAfterGc.js" \
//     HEAP_LOG_FILE=/tmp/heap.log BENCH_CONVERSATIONS=2000 npm run bench
import fs from 'node:fs';

const OUT = process.env.HEAP_LOG_FILE ?? '/tmp/heap-after-gc.log';
const collect = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

if (process.argv[1]?.endsWith('dist/index.js')) {
  if (!collect) throw new Error('heapAfterGc needs --expose-gc in NODE_OPTIONS');
  const startedAt = Date.now();
  setInterval(() => {
    collect();
    const m = process.memoryUsage();
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    fs.appendFileSync(OUT, `${seconds} s  rss ${mb(m.rss)} MB  heapUsed ${mb(m.heapUsed)} MB  heapTotal ${mb(m.heapTotal)} MB  external ${mb(m.external)} MB\n`);
  }, 30_000).unref();
}
