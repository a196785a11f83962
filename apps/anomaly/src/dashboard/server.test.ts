import { get, request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent, MachineSnapshot } from '../contracts.js';
import type { DashboardState } from './dashboard-store.js';
import { startDashboard, type Dashboard } from './server.js';
import { makeAlert, makeSnapshot } from './test-fixtures.js';

interface SseEvent {
  event: string;
  data: string;
}

/** Minimal EventSource for tests: parses the stream and hands out events in order. */
function openEvents(url: string): Promise<{ next(): Promise<SseEvent>; ended: Promise<void>; response: IncomingMessage; stop(): void }> {
  return new Promise((resolve, reject) => {
    const req = get(`${url}events`, (response) => {
      const queue: SseEvent[] = [];
      const waiting: ((e: SseEvent) => void)[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        buffer += text;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          if (event === undefined) continue; // retry: and comments
          const e = { event, data: lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n') };
          const w = waiting.shift();
          if (w) w(e);
          else queue.push(e);
        }
      });
      const ended = new Promise<void>((done) => response.on('end', done).on('close', done));
      resolve({
        next: () => new Promise((done) => (queue.length > 0 ? done(queue.shift()!) : waiting.push(done))),
        ended,
        response,
        stop: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

async function fetchText(url: string, method = 'GET'): Promise<{ status: number; headers: Headers; body: string }> {
  const res = await fetch(url, { method });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

let dashboard: Dashboard | undefined;
afterEach(async () => {
  await dashboard?.close();
  dashboard = undefined;
});

describe('startDashboard', () => {
  it('serves one self-contained page with the title escaped and a strict Content-Security-Policy', async () => {
    dashboard = await startDashboard({ title: 'Fleet <A&B>' });
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetchText(dashboard.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.body).toContain('<title>Fleet &#60;A&#38;B&#62;</title>');
    expect(page.body).toContain('data-testid="alerts"');
    // Nothing loads from elsewhere: no external script, stylesheet, image or import.
    expect(page.body).not.toMatch(/<script[^>]+src=|<link\b|(?:src|href)=["']?https?:|url\(\s*["']?https?:|@import/i);
    expect(page.body).not.toContain('{{');
    // The inline script at least parses (the browser test runs it).
    const scripts = [...page.body.matchAll(/<script>\n([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2); // charts.js, dashboard.js
    for (const script of scripts) expect(script.length).toBeGreaterThan(1000);
    expect(() => new Function(scripts.join('\n'))).not.toThrow();
  });

  it('answers /health, 404 and 405', async () => {
    dashboard = await startDashboard();
    dashboard.publish(makeSnapshot('pump-1', 1, 0.9, 'warning', { bins: 32 }));
    dashboard.alert(makeAlert('pump-1', 1, 'normal', 'warning', 2.7));
    const health = await fetchText(`${dashboard.url}health`);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true, clients: 0, machines: { 'pump-1': 'warning' }, alerts: 1 });
    expect((await fetchText(`${dashboard.url}nope`)).status).toBe(404);
    const post = await fetchText(dashboard.url, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('streams the current state on connect, then every snapshot and alert, to every client', async () => {
    dashboard = await startDashboard({ maxAlerts: 2 });
    dashboard.publish(makeSnapshot('a', 0, 0.1, 'normal', { bins: 32 }));
    dashboard.publish(makeSnapshot('b', 0, 0.2, 'normal', { bins: 32 }));
    dashboard.publish(makeSnapshot('b', 1, 0.3, 'normal', { bins: 32 }));
    for (let i = 0; i < 3; i++) dashboard.alert(makeAlert('b', i, 'normal', 'warning', 3));

    const first = await openEvents(dashboard.url);
    const second = await openEvents(dashboard.url);
    const init = await first.next();
    expect(first.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(init.event).toBe('init');
    const state = JSON.parse(init.data) as DashboardState;
    expect(state.machines.map((m) => [m.machine, m.time])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(state.history.b).toEqual([
      [0, 0.2],
      [1, 0.3],
    ]);
    expect(state.alerts.map((a) => a.time)).toEqual([1, 2]);
    expect((await second.next()).event).toBe('init');
    expect(JSON.parse((await fetchText(`${dashboard.url}health`)).body).clients).toBe(2);

    dashboard.publish(makeSnapshot('a', 2, 1.2, 'alarm', { bins: 32 }));
    dashboard.alert(makeAlert('a', 2, 'warning', 'alarm', 3.6));
    for (const client of [first, second]) {
      const snap = await client.next();
      expect(snap.event).toBe('snapshot');
      expect(JSON.parse(snap.data) as MachineSnapshot).toMatchObject({ machine: 'a', time: 2, state: 'alarm', health: 1.2 });
      const alert = await client.next();
      expect(alert.event).toBe('alert');
      expect(JSON.parse(alert.data) as AlertEvent).toMatchObject({ machine: 'a', from: 'warning', to: 'alarm' });
    }
    second.stop();
  });

  it('close() ends open event streams and keep-alive connections, and later publishes are ignored', async () => {
    dashboard = await startDashboard();
    const stream = await openEvents(dashboard.url);
    await stream.next();
    await fetchText(dashboard.url); // leaves a keep-alive socket open
    await dashboard.close();
    await stream.ended;
    expect(stream.response.complete).toBe(true);
    expect(() => dashboard!.publish(makeSnapshot('a', 0, 0, 'normal', { bins: 16 }))).not.toThrow();
    await expect(fetchText(dashboard.url)).rejects.toThrow();
  });

  it('says which address is taken when the port is in use', async () => {
    dashboard = await startDashboard();
    const port = Number(new URL(dashboard.url).port);
    await expect(startDashboard({ port })).rejects.toThrow(`dashboard: cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
  });

  it('throws for a bad snapshot without sending anything', async () => {
    dashboard = await startDashboard();
    const stream = await openEvents(dashboard.url);
    await stream.next();
    expect(() => dashboard!.publish({ ...makeSnapshot('a', 0, 0, 'normal', { bins: 16 }), score: Infinity })).toThrow(/score = Infinity/);
    dashboard.publish(makeSnapshot('ok', 0, 0, 'normal', { bins: 16 }));
    expect(JSON.parse((await stream.next()).data)).toMatchObject({ machine: 'ok' });
    // HEAD of the page is answered without a body.
    const head = await new Promise<IncomingMessage>((done) => request(dashboard!.url, { method: 'HEAD' }, done).end());
    expect(head.statusCode).toBe(200);
    head.resume();
  });
});
