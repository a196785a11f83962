import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser } from './test-browser.js';
import type { HealthState } from '../contracts.js';
import { startDashboard, type Dashboard } from './server.js';
import { MARKERS, makeAlert, makeSnapshot } from './test-fixtures.js';

/*
 * The browser proof: Debian's chromium, driven by playwright-core, opens the dashboard, sees
 * live updates without a reload, sees the faulty machine go to alarm with the transition in the alert
 * log, sees spectra and fault-frequency markers drawn, and reconnects when the server comes back.
 * Set DASHBOARD_SCREENSHOT=/path.png to keep the screenshot it takes.
 */

const LEVELS = { warning: 0.8, alarm: 1 };

// This file is compiled without the DOM library: the page-side callbacks name what they use.
interface Probe {
  probe?: number;
}
interface StyleWindow {
  getComputedStyle(element: unknown): { borderLeftColor: string };
}

let browser: Browser | undefined;
let dashboard: Dashboard | undefined;
let shots: string | undefined;

beforeAll(async () => {
  browser = await launchTestBrowser();
  shots = await mkdtemp(join(tmpdir(), 'dashboard-shot-'));
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
  if (shots) await rm(shots, { recursive: true, force: true });
});

function stateOf(health: number, previous: HealthState): HealthState {
  if (health >= LEVELS.alarm) return 'alarm';
  if (health >= LEVELS.warning) return previous === 'alarm' ? 'alarm' : 'warning';
  return 'normal';
}

/** Attribute `name` of every element matching `selector`, as numbers. */
async function numbers(page: Page, selector: string, name: string): Promise<number[]> {
  return page.$$eval(selector, (els, attr) => els.map((e) => Number(e.getAttribute(attr))), name);
}

describe('dashboard in chromium', () => {
  it('shows live updates, the faulty machine reaching alarm, the alert, spectra and markers, and reconnects', async () => {
    dashboard = await startDashboard({ title: 'Browser test fleet', levels: LEVELS, historySeconds: 60 });
    dashboard.publish(makeSnapshot('healthy', 0, 0.2, 'normal', { faultAmplitude: 0 }));
    dashboard.publish(makeSnapshot('faulty', 0, 0.2, 'normal'));

    const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(dashboard.url);
    await page.waitForSelector('[data-testid="connection"][data-connection="open"]', { timeout: 10_000 });
    await page.waitForSelector('[data-machine="faulty"] [data-field="time"]:text("0.0 s")', { timeout: 10_000 });
    // A mark on the window survives only if the page is never reloaded.
    await page.evaluate(() => ((globalThis as unknown as Probe).probe = 42));

    // The faulty machine's health ramps 0.2 -> 1.55 over 30 s; the healthy one hovers at 0.2.
    let state: HealthState = 'normal';
    for (let t = 1; t <= 30; t++) {
      const health = 0.2 + 0.045 * t;
      const next = stateOf(health, state);
      if (next !== state) dashboard.alert(makeAlert('faulty', t, state, next, health * 3));
      state = next;
      dashboard.publish(makeSnapshot('faulty', t, health, state, { faultAmplitude: 0.01 + 0.003 * t }));
      dashboard.publish(makeSnapshot('healthy', t, 0.2 + 0.01 * Math.sin(t), 'normal', { faultAmplitude: 0 }));
      if (t === 5) {
        await page.waitForSelector('[data-machine="healthy"] [data-field="time"]:text("5.0 s")', { timeout: 10_000 });
      }
      await sleep(20);
    }
    expect(state).toBe('alarm');

    await page.waitForSelector('[data-machine="faulty"][data-state="alarm"]', { timeout: 10_000 });
    await page.waitForSelector('[data-machine="faulty"] [data-field="time"]:text("30.0 s")', { timeout: 10_000 });
    expect(await page.evaluate(() => (globalThis as unknown as Probe).probe)).toBe(42);
    expect(await page.getAttribute('[data-machine="healthy"]', 'data-state')).toBe('normal');
    expect(await page.textContent('[data-machine="faulty"] [data-field="state"]')).toBe('alarm');
    // State colours: alarm red, normal green (the cards' left border).
    const border = (m: string): Promise<string> => page.$eval(`[data-machine="${m}"]`, (el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).borderLeftColor);
    expect(await border('faulty')).toBe('rgb(207, 34, 46)');
    expect(await border('healthy')).toBe('rgb(26, 127, 55)');
    expect(await page.textContent('[data-machine="faulty"] [data-field="score"]')).toBe('4.65 / 3.00');

    // The alert log: newest first, both transitions, with the deviating features.
    const alerts = page.locator('[data-testid="alerts"] > li');
    expect(await alerts.count()).toBe(2);
    expect(await alerts.nth(0).getAttribute('data-to')).toBe('alarm');
    expect(await alerts.nth(0).getAttribute('data-from')).toBe('warning');
    expect(await alerts.nth(1).getAttribute('data-to')).toBe('warning');
    const newest = await alerts.nth(0).textContent();
    expect(newest).toContain('faulty');
    expect(newest).toContain('18.0 s');
    expect(newest).toContain('env_bpfo +7.5σ');

    // Charts: traces with data, the warning and alarm levels, the five markers.
    const card = '[data-machine="faulty"]';
    expect((await numbers(page, `${card} [data-testid="health-trace"]`, 'data-points'))[0]).toBeGreaterThanOrEqual(31);
    expect((await numbers(page, `${card} [data-testid="spectrum-trace"]`, 'data-points'))[0]).toBe(1024);
    expect((await numbers(page, `${card} [data-testid="envelope-trace"]`, 'data-points'))[0]).toBeGreaterThan(500);
    expect(await page.locator(`${card} [data-chart="health"] [data-level]`).count()).toBe(2);
    const names = await page.$$eval(`${card} [data-chart="envelope"] [data-marker]`, (gs) => gs.map((g) => g.getAttribute('data-marker')));
    expect(names.sort()).toEqual(Object.keys(MARKERS).sort());

    // The markers share the trace's frequency axis: the envelope peak is drawn at the BPFO line.
    const markerX = await page.$$eval(`${card} [data-chart="envelope"] [data-marker] line`, (lines) =>
      Object.fromEntries(lines.map((l) => [l.parentElement!.getAttribute('data-marker'), Number(l.getAttribute('x1'))])),
    );
    const points = (await page.getAttribute(`${card} [data-testid="envelope-trace"]`, 'points'))!
      .split(' ')
      .map((p) => p.split(',').map(Number) as [number, number]);
    const peak = points.reduce((best, p) => (p[1] < best[1] ? p : best));
    expect(Math.abs(peak[0] - markerX.BPFO!)).toBeLessThan(1.5);
    const zero = markerX['1x']! - (markerX.BPFI! - markerX['1x']!) * (MARKERS['1x']! / (MARKERS.BPFI! - MARKERS['1x']!));
    expect((markerX.BPFO! - zero) / (markerX.BPFI! - zero)).toBeCloseTo(MARKERS.BPFO! / MARKERS.BPFI!, 3);
    expect(problems).toEqual([]);

    const shot = process.env.DASHBOARD_SCREENSHOT ?? join(shots!, 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    const png = await readFile(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);

    // The server goes away and comes back on the same port: the page reconnects by itself and
    // takes the new server's state (the repaired machine, an empty alert log).
    const port = Number(new URL(dashboard.url).port);
    await dashboard.close();
    await page.waitForSelector('[data-testid="connection"][data-connection="reconnecting"]', { timeout: 10_000 });
    dashboard = await startDashboard({ port, levels: LEVELS });
    dashboard.publish(makeSnapshot('faulty', 100, 0.1, 'normal', { faultAmplitude: 0 }));
    await page.waitForSelector('[data-machine="faulty"][data-state="normal"]', { timeout: 15_000 });
    await page.waitForSelector('[data-testid="connection"][data-connection="open"]', { timeout: 10_000 });
    expect(await page.locator('[data-machine]').count()).toBe(1);
    expect(await alerts.count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as Probe).probe)).toBe(42);
  });
});
