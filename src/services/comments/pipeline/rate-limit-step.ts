// Step 8: rate limits per reader account and per network (salted address hash), over the last minute
// and the last hour. The counts come from the service, measured with its injected clock.
import { CommentRefused, type RateLimits, type RecentActivity } from './pipeline-types.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export function checkRateLimits(recent: RecentActivity, limits: RateLimits, hasReader: boolean): void {
  const over =
    (hasReader && (recent.readerMinute >= limits.readerPerMinute || recent.readerHour >= limits.readerPerHour)) ||
    recent.networkMinute >= limits.networkPerMinute ||
    recent.networkHour >= limits.networkPerHour;
  if (over) throw new CommentRefused('form', 'rateLimited');
}
