import { reconnectDelay, type SerialSourcePlan } from './serial-options.js';
import type { SerialPortLike } from './serial-port.js';
import { withTimeout } from './timeout.js';

/** What a SerialConnection reports. */
export interface ConnectionHandlers {
  /** a port is open (the first one, or one after a disconnect) */
  opened(): void;
  data(bytes: Uint8Array): void;
  /** the open port went away; a reconnection is scheduled unless reconnect is off */
  lost(error: Error): void;
  /** a reconnection attempt failed; the next one comes after `delayMs` */
  retryFailed(error: Error, attempt: number, delayMs: number): void;
  /** the first open failed, or the port went away with reconnect off: the connection is over */
  ended(error: Error | undefined): void;
}

/** `serial: cannot open <path>: <error>` with a hint for the usual causes. */
export function describeOpenError(path: string, error: Error): string {
  const text = error.message;
  let hint = '';
  if (/ENOENT|no such file/i.test(text)) hint = '; no such device: is the board plugged in? (listSerialPorts / `sensorkit ports` lists boards)';
  else if (/EACCES|permission denied/i.test(text)) hint = '; permission denied: add your user to the dialout (or uucp) group';
  else if (/EBUSY|cannot lock|resource temporarily unavailable/i.test(text)) hint = '; the port is in use by another program (a serial monitor?)';
  return `serial: cannot open ${path}: ${text}${hint}`;
}

/**
 * Owns the port of a serial source: opens it (each attempt limited to openTimeoutMs), and when an open
 * port goes away retries with exponential backoff until a port opens again or `close()` is called.
 * The first open is not retried, so a wrong path fails at once instead of waiting forever.
 */
export class SerialConnection {
  private port: SerialPortLike | undefined;
  private opening: SerialPortLike | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private everOpened = false;
  private stopped = false;
  private paused = false;

  constructor(
    private readonly plan: SerialSourcePlan,
    private readonly handlers: ConnectionHandlers,
  ) {}

  /** Whether a port is open now. */
  get isOpen(): boolean {
    return this.port !== undefined;
  }

  start(): void {
    void this.open();
  }

  /** Holds the data back (now and on ports opened later) until resume(). */
  pause(): void {
    this.paused = true;
    this.port?.pause();
  }

  resume(): void {
    this.paused = false;
    this.port?.resume();
  }

  /** Stops retrying and closes the port (within closeTimeoutMs); never throws. */
  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const port = this.port;
    this.port = undefined;
    if (port) await this.closePort(port);
  }

  private async open(): Promise<void> {
    const plan = this.plan;
    let port: SerialPortLike | undefined;
    const listeners = {
      data: (bytes: Uint8Array): void => {
        // Data may come before the open promise settles (its continuation is queued): adopt the port first.
        if (port !== undefined && port !== this.port && !this.stopped && this.opening === port) this.adopt(port);
        if (port === this.port) this.handlers.data(bytes);
      },
      closed: (error: Error | undefined): void => this.closed(port!, error),
    };
    try {
      port = plan.port({ path: plan.path, baudRate: plan.baudRate }, listeners);
      this.opening = port;
      await withTimeout(port.open(), plan.openTimeoutMs, `opening took over ${plan.openTimeoutMs} ms`);
    } catch (err) {
      this.opening = undefined;
      if (port) void this.closePort(port);
      if (this.stopped) return;
      const error = err instanceof Error ? err : new Error(String(err));
      if (!this.everOpened || plan.reconnect === false) {
        this.stopped = true;
        this.handlers.ended(new Error(describeOpenError(plan.path, error)));
        return;
      }
      this.retry(error);
      return;
    }
    this.opening = undefined;
    if (this.stopped) {
      void this.closePort(port);
      return;
    }
    if (this.port !== port) this.adopt(port);
  }

  private adopt(port: SerialPortLike): void {
    this.opening = undefined;
    this.port = port;
    this.everOpened = true;
    this.attempt = 0;
    if (this.paused) port.pause();
    this.handlers.opened();
  }

  private closed(port: SerialPortLike, error: Error | undefined): void {
    if (port !== this.port || this.stopped) return;
    this.port = undefined;
    this.handlers.lost(error ?? new Error('the port closed'));
    if (this.plan.reconnect === false) {
      this.stopped = true;
      this.handlers.ended(undefined);
      return;
    }
    this.attempt = 0;
    this.timer = setTimeout(() => void this.open(), reconnectDelay(this.plan.reconnect, 0));
  }

  private retry(error: Error): void {
    if (this.plan.reconnect === false) return;
    this.attempt++;
    const delayMs = reconnectDelay(this.plan.reconnect, this.attempt);
    this.handlers.retryFailed(error, this.attempt, delayMs);
    this.timer = setTimeout(() => void this.open(), delayMs);
  }

  private async closePort(port: SerialPortLike): Promise<void> {
    try {
      await withTimeout(port.close(), this.plan.closeTimeoutMs, `closing took over ${this.plan.closeTimeoutMs} ms`);
    } catch (err) {
      this.plan.onWarning(`serial: ${this.plan.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
