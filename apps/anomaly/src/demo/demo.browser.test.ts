import { PassThrough } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser } from '../dashboard/test-browser.js';
import type { Dashboard } from '../dashboard/index.js';
import { runDemo } from './run-demo.js';

/*
 * The browser proof on the real thing: `runDemo` (simulated fleet, trained detectors, live
 * dashboard) paced at 4x real time, watched by Debian's chromium through playwright-core. The page must
 * update live without a reload, show the faulty machines reaching alarm with their alerts, and keep the
 * healthy one normal.
 */


interface Probe {
  probe?: number;
}

let browser: Browser | undefined;
let dashboard: Dashboard | undefined;

beforeAll(async () => {
  browser = await launchTestBrowser();
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

async function seconds(page: Page, machine: string): Promise<number> {
  const text = await page.textContent(`[data-machine="${machine}"] [data-field="time"]`);
  return Number.parseFloat(text ?? 'NaN');
}

describe('the demo in chromium', () => {
  it('shows the fleet live: the bearing fault and the imbalance reach alarm, the healthy pump stays normal', async () => {
    let page: Page | undefined;
    const problems: string[] = [];
    const run = runDemo({
      duration: 40,
      speed: 4,
      port: 0,
      out: new PassThrough().resume(),
      tty: false,
      // Called before the run starts streaming: the page is connected before the first snapshot.
      onDashboard: async (url) => {
        page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(url);
        await page.waitForSelector('[data-testid="connection"][data-connection="open"]', { timeout: 10_000 });
        await page.evaluate(() => ((globalThis as unknown as Probe).probe = 7));
      },
    });

    await expect.poll(() => page !== undefined, { timeout: 60_000 }).toBe(true);
    const p = page!;
    await p.waitForSelector('[data-machine="pump-1"] [data-field="time"]', { timeout: 30_000 });
    const first = await seconds(p, 'pump-1');
    await expect.poll(() => seconds(p, 'pump-1'), { timeout: 15_000 }).toBeGreaterThan(first + 2);

    await p.waitForSelector('[data-machine="fan-2"][data-state="alarm"]', { timeout: 60_000 });
    await p.waitForSelector('[data-machine="gearbox-3"][data-state="alarm"]', { timeout: 60_000 });
    const report = await run;
    dashboard = report.dashboard;
    expect(report.outcomes.map((o) => [o.machine, o.correct])).toEqual([
      ['pump-1', true],
      ['fan-2', true],
      ['gearbox-3', true],
    ]);

    await expect.poll(() => seconds(p, 'pump-1'), { timeout: 10_000 }).toBeGreaterThanOrEqual(39);
    expect(await p.getAttribute('[data-machine="pump-1"]', 'data-state')).toBe('normal');
    const alerts = await p.$$eval('[data-testid="alerts"] > li', (items) => items.map((li) => `${li.textContent ?? ''}|${li.getAttribute('data-to') ?? ''}`));
    expect(alerts.some((a) => a.includes('fan-2') && a.endsWith('|alarm'))).toBe(true);
    expect(alerts.some((a) => a.includes('gearbox-3') && a.endsWith('|alarm'))).toBe(true);
    expect(alerts.some((a) => a.includes('pump-1'))).toBe(false);
    // The bearing's fault lines are marked on the faulty fan's envelope spectrum.
    const markers = await p.$$eval('[data-machine="fan-2"] [data-chart="envelope"] [data-marker]', (gs) => gs.map((g) => g.getAttribute('data-marker')));
    expect(markers).toEqual(expect.arrayContaining(['BPFO', 'BPFI', '1x']));
    // Everything above arrived over the live stream: the page was never reloaded.
    expect(await p.evaluate(() => (globalThis as unknown as Probe).probe)).toBe(7);
    expect(problems).toEqual([]);
  }, 120_000);
});
