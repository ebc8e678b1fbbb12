// A person at the browser, played by Debian's Chromium: opens the sign-in URL m365 hands to $BROWSER, signs in on
// the Entra emulator's page and follows the redirect back to m365's loopback listener.
// Usage (as m365 runs it): node signin.mjs <url>
// Env: M365_TEST_BROWSER_USER, M365_TEST_BROWSER_PASSWORD, M365_TEST_BROWSER_LOG (a file for what happened).
import { appendFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const url = process.argv[2];
const log = (line) => appendFileSync(process.env.M365_TEST_BROWSER_LOG || '/dev/null', line + '\n');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  log('opened ' + new URL(url).pathname);
  await page.fill('#login', process.env.M365_TEST_BROWSER_USER);
  await page.fill('#passwd', process.env.M365_TEST_BROWSER_PASSWORD);
  const redirect = new URL(url).searchParams.get('redirect_uri');
  await Promise.all([page.waitForURL((u) => u.href.startsWith(redirect)), page.click('#signin')]);
  const message = await page.textContent('#message');
  log('landed ' + new URL(page.url()).host + ': ' + message);
} catch (e) {
  log('failed: ' + e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
