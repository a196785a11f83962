/*
 * The serial port as the source sees it: a small interface, so tests inject a fake and the real
 * `serialport` binding is wired in one place (node-serial-port.ts).
 */

/** Callbacks a port reports to; set before `open()`. */
export interface SerialPortListeners {
  /** bytes as they arrive; the array may be a view into a reused pool, so copy what you keep */
  data(bytes: Uint8Array): void;
  /**
   * The port closed after a successful open, exactly once: with an error when the device went away or
   * failed (unplugged, pty master closed), without one after `close()`.
   */
  closed(error: Error | undefined): void;
}

/** One connection to a serial device: made by a SerialPortFactory, opened once, closed once. */
export interface SerialPortLike {
  /** Opens the device; rejects when it is missing, busy or not a tty. */
  open(): Promise<void>;
  /** Stops delivering data; the OS buffers (and the device is held back or drops) meanwhile. */
  pause(): void;
  /** Delivers data again. */
  resume(): void;
  /** Closes the device; resolves when it is closed (also when it was never open). */
  close(): Promise<void>;
}

/** Makes a port for `path` at `baudRate` (bits/s) reporting to `listeners`; nothing opens until `open()`. */
export type SerialPortFactory = (options: { path: string; baudRate: number }, listeners: SerialPortListeners) => SerialPortLike;
