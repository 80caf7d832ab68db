// Time-based one-time passwords (RFC 6238, 30 s steps, ±1 step of drift) on an injected clock, and the
// QR code an authenticator app scans, as a data: URL. Must not know about users or storage.
import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import type { Clock } from '../clock.js';

const STEP_MS = 30_000;

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/** The time step a code belongs to, or null when it is wrong. Callers refuse a step used before. */
export function checkTotp(clock: Clock, secret: string, code: string): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const now = clock.now();
  const totp = authenticator.clone({ epoch: now, window: 1 });
  const delta = totp.checkDelta(token, secret);
  if (delta === null) return null;
  return Math.floor(now / STEP_MS) + delta;
}

/** The current code, for tests and for the demo of an enrolment. */
export function currentTotp(clock: Clock, secret: string): string {
  return authenticator.clone({ epoch: clock.now() }).generate(secret);
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return authenticator.keyuri(account, issuer, secret);
}

export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}
