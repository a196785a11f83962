import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertEvent, MachineSnapshot } from '../contracts.js';
import { resolveDashboardOptions, type DashboardOptions } from './dashboard-options.js';
import { DashboardStore } from './dashboard-store.js';
import { PAGE_CSP, renderPage } from './page.js';
import { SseClient, formatSseComment, formatSseEvent } from './sse-client.js';

/*
 * The shell around DashboardStore: node:http, one page, one event stream. No framework, so the demo
 * starts in milliseconds and has nothing to install.
 */

/** A running dashboard. */
export interface Dashboard {
  /** the page's address, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** shows a machine's latest state (throws an InputError for a snapshot that cannot be shown) */
  publish(snapshot: MachineSnapshot): void;
  /** adds an alert to the log (throws an InputError for a malformed alert) */
  alert(event: AlertEvent): void;
  /** ends every connection and stops listening; publish/alert are ignored afterwards */
  close(): Promise<void>;
}

/** Reconnect delay the browser is told to use when the stream drops, ms. */
const RETRY_MS = 1000;
/** Interval of keep-alive comments on idle streams, ms. */
const HEARTBEAT_MS = 15_000;

/**
 * Starts the live dashboard: an HTML page at `/`, Server-Sent Events at `/events` (events `init`,
 * `snapshot`, `alert`), and `/health` (JSON) for scripts and tests.
 *
 * @example
 * const dashboard = await startDashboard({ port: 0, title: 'fleet' });
 * console.log(`dashboard: ${dashboard.url}`);
 * dashboard.publish(snapshot);        // a MachineSnapshot from the detector
 * process.once('SIGINT', () => void dashboard.close());
 */
export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const settings = resolveDashboardOptions(options);
  const store = new DashboardStore(settings);
  const page = renderPage(settings);
  const clients = new Set<SseClient>();
  const startedAt = Date.now();
  let closed = false;

  const broadcast = (message: string, replaceKey?: string): void => {
    for (const client of clients) client.send(message, replaceKey);
  };

  const openStream = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    req.socket.setNoDelay(true);
    const client = new SseClient(res, undefined, (gone) => clients.delete(gone));
    clients.add(client);
    client.send(`retry: ${RETRY_MS}\n\n`);
    client.send(formatSseEvent('init', JSON.stringify(store.state())));
  };

  const health = (): string =>
    JSON.stringify({
      ok: true,
      title: settings.title,
      clients: clients.size,
      machines: store.states(),
      alerts: store.alertCount,
      uptimeSeconds: (Date.now() - startedAt) / 1000,
    });

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    const head = req.method === 'HEAD';
    if (path === '/' || path === '/index.html') {
      send(res, 200, 'text/html; charset=utf-8', page, head, { 'Content-Security-Policy': PAGE_CSP });
    } else if (path === '/events' && !closed) {
      if (head) send(res, 200, 'text/event-stream; charset=utf-8', '', true);
      else openStream(req, res);
    } else if (path === '/health') {
      send(res, 200, 'application/json; charset=utf-8', health(), head);
    } else if (path === '/favicon.ico') {
      res.writeHead(204).end();
    } else {
      send(res, 404, 'text/plain; charset=utf-8', `not found: ${path}\n`, head);
    }
  });

  await listen(server, settings.port, settings.host);
  const heartbeat = setInterval(() => broadcast(formatSseComment('ping')), HEARTBEAT_MS);
  heartbeat.unref();
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${urlHost(settings.host)}:${port}/`,
    publish(snapshot: MachineSnapshot): void {
      if (closed) return;
      const shown = store.publish(snapshot);
      broadcast(formatSseEvent('snapshot', JSON.stringify(shown)), shown.machine);
    },
    alert(event: AlertEvent): void {
      if (closed) return;
      broadcast(formatSseEvent('alert', JSON.stringify(store.alert(event))));
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      for (const client of [...clients]) client.end();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets of finished page loads would otherwise hold close() for seconds.
      server.closeAllConnections();
      await stopped;
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  head: boolean,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(head ? undefined : body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new Error(
          `dashboard: cannot listen on ${host}:${port} (${error.code ?? error.message}); choose another port, or 0 for any free port`,
          { cause: error },
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** The host part of the printed URL: wildcard addresses are not addresses a browser can open. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
