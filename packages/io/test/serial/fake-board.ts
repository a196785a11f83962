import type { SerialPortFactory, SerialPortLike, SerialPortListeners } from '../../src/serial/serial-port.js';

const encoder = new TextEncoder();

/**
 * A fake serial board for tests: `factory` makes its ports; the test sends bytes, unplugs it, makes
 * its path vanish, and controls the clock the source reads. A paused port keeps what is sent in a
 * backlog, as the OS does, and delivers it on resume.
 */
export class FakeBoard {
  /** when false, opening fails with ENOENT (the device node is gone) */
  present = true;
  /** when true, open() never settles (a stuck driver) */
  hangOpen = false;
  /** every port made, in order */
  readonly ports: FakePort[] = [];
  /** the source's clock, in ms */
  nowMs = 0;
  readonly clock = (): number => this.nowMs;
  readonly factory: SerialPortFactory = (options, listeners) => {
    const port = new FakePort(this, options.path, listeners);
    this.ports.push(port);
    return port;
  };

  /** The port opened last, if it is open. */
  get port(): FakePort | undefined {
    const last = this.ports[this.ports.length - 1];
    return last?.isOpen ? last : undefined;
  }

  /** Sends text (or bytes) on the open port; throws when none is open. */
  send(data: string | Uint8Array): void {
    const port = this.port;
    if (!port) throw new Error('fake board: no open port');
    port.deliver(typeof data === 'string' ? encoder.encode(data) : data);
  }

  /** The device disappears: the open port closes with an error and the path stops existing. */
  unplug(): void {
    this.present = false;
    this.port?.lose(new Error('Error reading: ENXIO: no such device or address (disconnected)'));
  }
}

export class FakePort implements SerialPortLike {
  isOpen = false;
  paused = false;
  pauses = 0;
  resumes = 0;
  /** bytes sent while paused, waiting in the "OS" */
  readonly backlog: Uint8Array[] = [];
  private closedReported = false;

  constructor(
    private readonly board: FakeBoard,
    readonly path: string,
    private readonly listeners: SerialPortListeners,
  ) {}

  open(): Promise<void> {
    if (this.board.hangOpen) return new Promise(() => undefined);
    if (!this.board.present) return Promise.reject(new Error(`Error: No such file or directory, cannot open ${this.path}: ENOENT`));
    this.isOpen = true;
    return Promise.resolve();
  }

  pause(): void {
    if (!this.paused) this.pauses++;
    this.paused = true;
  }

  resume(): void {
    if (this.paused) this.resumes++;
    this.paused = false;
    while (!this.paused && this.isOpen && this.backlog.length > 0) this.listeners.data(this.backlog.shift()!);
  }

  close(): Promise<void> {
    if (this.isOpen) this.lose(undefined);
    return Promise.resolve();
  }

  deliver(bytes: Uint8Array): void {
    if (this.paused) this.backlog.push(bytes);
    else this.listeners.data(bytes);
  }

  lose(error: Error | undefined): void {
    this.isOpen = false;
    if (this.closedReported) return;
    this.closedReported = true;
    this.listeners.closed(error);
  }
}

/** `count` lines `n,n+0.5,-n` for n = first.., each ending with `eol`. */
export function counterLines(first: number, count: number, eol = '\n'): string {
  let text = '';
  for (let n = first; n < first + count; n++) text += `${n},${n + 0.5},${-n}${eol}`;
  return text;
}
