// Summarise a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and the most
// inclusive time per function and per file, so a profile of the server under load reads in one screen.
// Usage: node bench/cpuprofile-summary.mjs FILE.cpuprofile [--top 30] [--last SECONDS]
// --last keeps only the samples of the profile's last SECONDS (the load window before the server stopped,
// without start-up and module loading).
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/cpuprofile-summary.mjs FILE.cpuprofile [--top N]');
  process.exit(64);
}
const opt = (name, fallback) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : fallback);
const top = opt('--top', 30);
const last = opt('--last', Infinity);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from the sample deltas.
const times = [];
for (let i = 0, t = profile.startTime; i < profile.samples.length; i++) times.push((t += profile.timeDeltas[i] ?? 0));
const from = (times.at(-1) ?? 0) - last * 1e6;
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  if (times[i] < from) continue;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

const shortUrl = (u) => u.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'nm:').replace(/^.*\/src\//, 'src/');
const fnKey = (n) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const fileKey = (n) => shortUrl(n.callFrame.url) || `(${n.callFrame.functionName})`;

const selfByFn = new Map();
const inclByFn = new Map();
const inclByFile = new Map();
for (const [id, t] of self) {
  const n = nodes.get(id);
  selfByFn.set(fnKey(n), (selfByFn.get(fnKey(n)) ?? 0) + t);
  // Inclusive: every distinct function and file on the stack gets the sample once.
  const seenFn = new Set();
  const seenFile = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const c = nodes.get(cur);
    const k = fnKey(c);
    if (!seenFn.has(k)) {
      seenFn.add(k);
      inclByFn.set(k, (inclByFn.get(k) ?? 0) + t);
    }
    const f = fileKey(c);
    if (!seenFile.has(f)) {
      seenFile.add(f);
      inclByFile.set(f, (inclByFile.get(f) ?? 0) + t);
    }
  }
}

const print = (title, m) => {
  console.log(`\n## ${title}`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by function', selfByFn);
print('inclusive time by function', inclByFn);
print('inclusive time by file', inclByFile);
