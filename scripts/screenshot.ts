// Developer tool: screenshots a page in Debian's Chromium, to look at what readers see.
// Usage: node --import tsx scripts/screenshot.ts URL OUT.png [WIDTH] [dark] [full]
import { launchChromium } from '../test/support/browser.js';

const [url, out, width = '1280', ...flags] = process.argv.slice(2);
if (!url || !out) {
  console.error('Usage: node --import tsx scripts/screenshot.ts URL OUT.png [WIDTH] [dark] [full]');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: { width: Number(width), height: 900 },
    colorScheme: flags.includes('dark') ? 'dark' : 'light',
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.screenshot({ path: out, fullPage: flags.includes('full') });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
