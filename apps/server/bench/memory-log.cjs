// Preloaded into the server by the bench when BENCH_MEMORY_LOG=1 (node --require): every 5 s, one stderr line
// with the process's memory by kind, so RSS growth can be told apart: V8 heap, or external / array buffers.
const started = Date.now();
const mb = (bytes) => Math.round(bytes / 1048576);
setInterval(() => {
  const m = process.memoryUsage();
  process.stderr.write(
    `  memory t=${Math.round((Date.now() - started) / 1000)}s rss=${mb(m.rss)} heapTotal=${mb(m.heapTotal)} heapUsed=${mb(m.heapUsed)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)} MB\n`,
  );
}, 5000).unref();
