// Browser-test support: Debian's Chromium driven by playwright-core (never a downloaded browser),
// and a real Minbar server listening on a loopback port.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { TestSite } from './test-site.js';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Starts the test site's app on 127.0.0.1 and returns its base URL. */
export async function listen(site: TestSite): Promise<string> {
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  const address = site.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
