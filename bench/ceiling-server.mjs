// The ceiling of the site benchmark: a bare Node `http` server that answers every request with the
// bytes the article page sent (same status line, headers and body), read from a JSON file.
// Usage: node bench/ceiling-server.mjs RESPONSE.json PORT
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
const saved = JSON.parse(readFileSync(file, 'utf8'));
const body = Buffer.from(saved.body, 'base64');
const headers = { ...saved.headers, 'content-length': String(body.length) };
createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => console.log(`ceiling listening on ${port}`));
