import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, which scripts/setup.sh installs: the browser tests never download one. */
export const CHROMIUM = '/usr/bin/chromium';

/** Starts headless chromium for the browser tests; a missing browser is an error that says how to get it, never a skip. */
export async function launchTestBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: the browser tests drive Debian's chromium; run \`bash scripts/setup.sh\` to install it`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox: CI runs as root in a container; the rest keeps chromium from phoning home.
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
