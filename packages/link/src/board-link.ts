import { ParameterError } from '@sensorkit/dsp';
import { encodeFrame, type Frame } from './frame.js';
import { FrameDecoder, type DecoderStats } from './frame-decoder.js';
import { LinkError } from './link-error.js';
import type { LinkPort, LinkPortOpener } from './link-port.js';
import { decodeError, decodeHello, decodeInfer, decodeStats, decodeU32, encodeStreamStart, type BoardInfo, type BoardStats, type InferReply } from './messages.js';
import { BOOT, ERROR, ErrorCode, MAX_PAYLOAD, PROTOCOL_VERSION, REPLY, Request, type RequestType } from './protocol.js';

export interface LinkOptions {
  /** how to reach the board: serialLinkPort(path), or any LinkPortOpener */
  port: LinkPortOpener;
  /** what to call the board in messages (its serial path) */
  name?: string;
  /** ms to wait for each reply before sending the request again (default 1000) */
  timeoutMs?: number;
  /** attempts after the first one, on a timeout, a damaged request or a board reset (default 2) */
  retries?: number;
}

/** What the link saw go wrong, and what it did about it. */
export interface LinkStats {
  requests: number;
  /** requests sent again (after a timeout, a damaged request, or a reset) */
  retries: number;
  timeouts: number;
  /** BOOT frames: the board reset (power, watchdog, RESET request) */
  resets: number;
  /** valid frames that answered no pending request (a late reply to an attempt already given up) */
  staleReplies: number;
  /** ERROR replies other than "damaged request" */
  boardErrors: number;
  /** what the host's frame decoder dropped: garbage, truncation, CRC errors */
  received: DecoderStats;
}

interface Pending {
  type: RequestType;
  seq: number;
  frame: Uint8Array;
  /** sends that started a timeout (the first and each retry) */
  attempts: number;
  /** sends on a "damaged frame" report */
  resends: number;
  timeoutMs: number;
  timer?: NodeJS.Timeout;
  resolve(payload: Uint8Array): void;
  reject(error: Error): void;
}

/** re-sends per request on the board's damaged-frame reports */
const NAK_RESENDS = 8;

const NAMES: Record<number, string> = Object.fromEntries(Object.entries(Request).map(([k, v]) => [v, k]));

/**
 * The host end of the link: one request at a time, each answered or failed within
 * timeoutMs x (retries + 1); never waits forever. Handshakes (HELLO) on open.
 * @example
 * const link = await BoardLink.open({ port: serialLinkPort('/dev/pts/5'), name: '/dev/pts/5' });
 * link.info.modelId;                          // 'gesture-3f2a9c01'
 * const { output, ticks } = await link.infer(input);
 * await link.close();
 */
export class BoardLink {
  info!: BoardInfo;
  private readonly counters = { requests: 0, retries: 0, timeouts: 0, resets: 0, staleReplies: 0, boardErrors: 0 };
  private readonly decoder = new FrameDecoder((f) => this.onFrame(f));
  private readonly resetListeners = new Set<() => void>();
  private readonly name: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private port?: LinkPort;
  private pending?: Pending;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private closedWith?: LinkError;

  private constructor(options: LinkOptions) {
    this.name = options.name ?? 'board';
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.retries = options.retries ?? 2;
    if (!(this.timeoutMs > 0)) throw new ParameterError('link', 'timeoutMs', options.timeoutMs, 'a positive number of milliseconds');
    if (!Number.isInteger(this.retries) || this.retries < 0) throw new ParameterError('link', 'retries', options.retries, 'an integer >= 0');
  }

  /** Opens the port and handshakes; rejects with a LinkError when the board does not answer HELLO. */
  static async open(options: LinkOptions): Promise<BoardLink> {
    const link = new BoardLink(options);
    link.port = await options.port({
      data: (bytes) => link.decoder.push(bytes),
      closed: (error) => link.onClosed(error),
    });
    try {
      await link.hello();
    } catch (error) {
      await link.close();
      throw error;
    }
    return link;
  }

  /** Asks the board who it is (again); updates `info`. */
  async hello(): Promise<BoardInfo> {
    const info = decodeHello(await this.request(Request.hello));
    if (info.protocolVersion !== PROTOCOL_VERSION) {
      throw new LinkError('protocol', `${this.name}: the board speaks link protocol ${info.protocolVersion}; this host speaks ${PROTOCOL_VERSION} (rebuild the firmware)`);
    }
    this.info = info;
    return info;
  }

  /** Round trip of `data` through the board; resolves with what came back. */
  async ping(data: Uint8Array = new Uint8Array(0)): Promise<Uint8Array> {
    return this.request(Request.ping, data);
  }

  /** Runs the board's model on one int8 input (the model's quantized input tensor). */
  async infer(input: Int8Array, options: { timeoutMs?: number } = {}): Promise<InferReply> {
    if (input.length !== this.info.input.size) throw new ParameterError('link infer', 'input length', input.length, `${this.info.input.size} (shape ${this.info.input.shape.join('x')})`);
    const reply = decodeInfer(await this.request(Request.infer, new Uint8Array(input.buffer, input.byteOffset, input.length), options.timeoutMs));
    if (reply.output.length !== this.info.output.size) throw new LinkError('protocol', `${this.name}: INFER reply has ${reply.output.length} output bytes; HELLO said ${this.info.output.size}`);
    return reply;
  }

  /**
   * Switches the board to streaming: it prints `rateHz` lines a second of `axes` comma-separated values
   * from its built-in signal (the data-forwarder format @sensorkit/io's serial source reads), `count`
   * lines or (0) until stopStream().
   */
  async startStream(rateHz: number, axes: number, count = 0): Promise<void> {
    if (!Number.isInteger(rateHz) || rateHz < 1 || rateHz > 100000) throw new ParameterError('link stream', 'rate', rateHz, 'an integer in 1..100000 Hz');
    if (!Number.isInteger(axes) || axes < 1 || axes > 6) throw new ParameterError('link stream', 'axes', axes, 'an integer in 1..6');
    await this.request(Request.streamStart, encodeStreamStart(rateHz, axes, count));
  }

  /** Stops streaming; resolves with the lines the board sent. */
  async stopStream(): Promise<number> {
    return decodeU32(await this.request(Request.streamStop), 'STREAM_STOP reply');
  }

  /** The board's own count of damaged frames it received. */
  async boardStats(): Promise<BoardStats> {
    return decodeStats(await this.request(Request.stats));
  }

  /** Resets the board; resolves when it has booted again and answered HELLO. */
  async reset(): Promise<BoardInfo> {
    await this.request(Request.reset);
    return this.hello();
  }

  /** Called after every reset of the board the link sees (state such as streaming is gone). */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  stats(): LinkStats {
    return { ...this.counters, received: { ...this.decoder.stats } };
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    this.closedWith ??= new LinkError('closed', `${this.name}: link closed`);
    this.failPending(this.closedWith);
    await port?.close();
  }

  /** Sends a request and waits for its reply, one request at a time. */
  private request(type: RequestType, payload: Uint8Array = new Uint8Array(0), timeoutMs = this.timeoutMs): Promise<Uint8Array> {
    if (payload.length > MAX_PAYLOAD) return Promise.reject(new ParameterError('link', 'payload', `${payload.length} bytes`, `at most ${MAX_PAYLOAD}`));
    const run = (): Promise<Uint8Array> =>
      new Promise<Uint8Array>((resolve, reject) => {
        if (this.closedWith) return reject(this.closedWith);
        this.seq = (this.seq % 255) + 1;
        this.counters.requests++;
        this.pending = { type, seq: this.seq, frame: encodeFrame(type, this.seq, payload), attempts: 0, resends: 0, timeoutMs, resolve, reject };
        this.send();
      });
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private send(attempt = true): void {
    const p = this.pending;
    if (!p || !this.port) return;
    if (attempt) {
      p.attempts++;
      clearTimeout(p.timer);
      p.timer = setTimeout(() => this.onTimeout(p), p.timeoutMs);
    }
    this.port.write(p.frame).catch((error: Error) => this.onClosed(error));
  }

  private retry(p: Pending, why: string): void {
    if (p.attempts > this.retries) {
      this.settle(p, new LinkError('timeout', `${this.name}: no reply to ${NAMES[p.type]} (seq ${p.seq}) after ${p.attempts} attempts of ${p.timeoutMs} ms (last: ${why})`));
      return;
    }
    this.counters.retries++;
    this.send();
  }

  private onTimeout(p: Pending): void {
    if (this.pending !== p) return;
    this.counters.timeouts++;
    this.retry(p, 'timed out');
  }

  private onFrame(frame: Frame): void {
    const p = this.pending;
    if (frame.type === BOOT) {
      // The boot announcement of a board just started (QEMU hands it over once the port opens) is no reset.
      if (!this.info) return;
      this.counters.resets++;
      for (const listener of this.resetListeners) listener();
      if (!p) return;
      // A reset loses the request in flight; RESET itself is answered by the boot.
      if (p.type === Request.reset) this.settle(p, new Uint8Array(0));
      else this.retry(p, 'the board reset');
      return;
    }
    if (frame.type === ERROR && p) {
      const error = decodeError(frame.payload);
      // The report cannot say which frame was damaged (its seq may be the damage), and garbage before the
      // request draws reports too: re-sending is harmless (requests are idempotent, a duplicate reply is
      // stale), so each report re-sends, from a budget of its own that garbage cannot turn into a failure.
      if (error.code === ErrorCode.badFrame) {
        if (p.resends < NAK_RESENDS) {
          p.resends++;
          this.counters.retries++;
          this.send(false);
        }
        return;
      }
      if (frame.seq === p.seq) {
        this.counters.boardErrors++;
        this.settle(p, new LinkError('board', `${this.name}: ${NAMES[p.type]} failed on the board: ${error.codeName}${error.message ? `: ${error.message}` : ''}`, error.code));
        return;
      }
    }
    if (p && frame.type === (p.type | REPLY) && frame.seq === p.seq) {
      this.settle(p, frame.payload.slice());
      return;
    }
    this.counters.staleReplies++;
  }

  private settle(p: Pending, result: Uint8Array | Error): void {
    clearTimeout(p.timer);
    if (this.pending === p) this.pending = undefined;
    if (result instanceof Error) p.reject(result);
    else p.resolve(result);
  }

  private failPending(error: Error): void {
    if (this.pending) this.settle(this.pending, error);
  }

  private onClosed(error: Error | undefined): void {
    this.closedWith ??= new LinkError('closed', `${this.name}: the port closed${error ? ` (${error.message})` : ''}; the board went away or the cable was cut`);
    this.port = undefined;
    this.failPending(this.closedWith);
  }
}

