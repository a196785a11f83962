/*
 * One Server-Sent Events connection with bounded memory. A slow browser (a background tab, a
 * laptop on battery) must not make the server buffer every snapshot: while its socket is backed up,
 * only the latest message per key (per machine) waits, and a client whose buffer still grows past a
 * limit is dropped; its EventSource reconnects and starts again from the current state.
 */

/** The part of an http.ServerResponse (or any Writable) an SSE client writes to. */
export interface SseSink {
  write(chunk: string): boolean;
  end(): void;
  destroy(): void;
  readonly writableLength: number;
  on(event: 'drain' | 'close', listener: () => void): unknown;
}

/** Formats one SSE message; multi-line data becomes several `data:` lines as the protocol requires. */
export function formatSseEvent(event: string, data: string): string {
  return `event: ${event}\n${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('')}\n`;
}

/** An SSE comment line: ignored by EventSource, keeps idle connections and proxies alive. */
export function formatSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

export class SseClient {
  private blocked = false;
  private ended = false;
  private readonly pending = new Map<string, string>();

  /** `maxBuffered`: bytes a client may have queued before it is dropped. */
  constructor(
    private readonly sink: SseSink,
    private readonly maxBuffered = 8 * 1024 * 1024,
    private readonly onGone: (client: SseClient) => void = () => undefined,
  ) {
    sink.on('drain', () => this.flush());
    sink.on('close', () => this.gone());
  }

  /** Sends a message; with a `replaceKey`, a message not yet written while the socket is backed up is replaced by a newer one. */
  send(message: string, replaceKey?: string): void {
    if (this.ended) return;
    if (this.blocked && replaceKey !== undefined) {
      // Delete first so the replaced message moves to the end: per-key order follows the latest write.
      this.pending.delete(replaceKey);
      this.pending.set(replaceKey, message);
      return;
    }
    this.write(message);
  }

  /** Ends the response (graceful close: the browser sees the stream end and will try to reconnect). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending.clear();
    this.sink.end();
    this.onGone(this);
  }

  /** Messages waiting for the socket to drain (for tests and /health). */
  get pendingCount(): number {
    return this.pending.size;
  }

  private write(message: string): void {
    if (this.sink.writableLength > this.maxBuffered) {
      this.ended = true;
      this.pending.clear();
      this.sink.destroy();
      this.onGone(this);
      return;
    }
    if (!this.sink.write(message)) this.blocked = true;
  }

  private flush(): void {
    this.blocked = false;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const message of waiting) {
      if (this.ended) return;
      this.write(message);
    }
  }

  private gone(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending.clear();
    this.onGone(this);
  }
}
