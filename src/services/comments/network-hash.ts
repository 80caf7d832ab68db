// Network addresses are kept only as keyed hashes (HMAC-SHA-256 with the site's secret): enough to rate
// limit and to see that two comments came from one place, never enough to recover the address.
import { createHmac } from 'node:crypto';

export function hashNetwork(secret: string, ip: string): string {
  // IPv6 clients rotate inside their /64: hash the prefix so the limit holds.
  const key = ip.includes(':') ? ip.split(':').slice(0, 4).join(':') : ip;
  return createHmac('sha256', secret).update(`net:${key}`).digest('hex').slice(0, 32);
}
