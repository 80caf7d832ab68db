// Load test of the article page: the real server (child process, demo content in SQLite) under
// autocannon on loopback, bounded in time; prints req/s, p50/p99 latency and the server's RSS.
// Usage: npm run bench:article [-- --connections 50 --seconds 20]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ROOT, machine, startServer, summarise } from './support.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    port: { type: 'string', default: '3901' },
    'data-dir': { type: 'string', default: join(ROOT, '.bench-data', 'demo') },
  },
});

const dataDir = values['data-dir']!;
mkdirSync(dataDir, { recursive: true });
const server = await startServer({ DATA_DIR: dataDir }, Number(values.port));
try {
  // Pick the canonical URL of a demo article with a hero, a quote and comments: the home page's lead.
  const home = await (await fetch(server.url)).text();
  const path = /class="card__title"><a href="([^"]+)"/.exec(home)?.[1];
  if (!path) throw new Error('no article link on the home page');
  const first = await fetch(server.url + path, { redirect: 'manual' });
  if (first.status !== 200) throw new Error(`article answered ${first.status}`);
  const bytes = (await first.arrayBuffer()).byteLength;

  const results = [];
  for (const [name, url] of [
    ['article', server.url + path],
    ['home', server.url + '/'],
  ] as const) {
    // Warm up, then measure.
    await autocannon({ url, connections: 10, duration: 3 });
    const r = await autocannon({ url, connections: Number(values.connections), duration: Number(values.seconds) });
    results.push({ ...summarise(name, r), ...server.rssMb() });
  }
  console.log(`\n${new Date().toISOString().slice(0, 10)} · ${machine()} · SQLite · demo outlet (60 articles)`);
  console.log(`article HTML: ${bytes} bytes uncompressed; ${values.connections} connections, ${values.seconds} s`);
  console.log('| page | req/s | p50 ms | p99 ms | errors | non-2xx | RSS MB | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.rss} | ${r.peak} |`);
  }
} finally {
  await server.stop();
}
