// Loaded into the soak's server process with --import (and --expose-gc): answers "memory" on the IPC
// channel with process.memoryUsage() taken right after a full garbage collection, so a sample measures
// what the server retains rather than where the collector's sawtooth happened to be.
if (process.send) {
  process.on('message', (m) => {
    if (m !== 'memory') return;
    if (typeof globalThis.gc === 'function') globalThis.gc();
    process.send({ memory: process.memoryUsage(), collected: typeof globalThis.gc === 'function' });
  });
}
