import { loadSerialPort } from '@sensorkit/io';

/** Callbacks a link port reports to. */
export interface LinkPortListeners {
  /** bytes as they arrive (copy what you keep) */
  data(bytes: Uint8Array): void;
  /** the port closed: with an error when the device went away, without one after close() */
  closed(error: Error | undefined): void;
}

/** A byte pipe to a board: the one interface the link needs, so a test can put a fault injector in between. */
export interface LinkPort {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Opens a port that reports to `listeners`; rejects when the device cannot be opened. */
export type LinkPortOpener = (listeners: LinkPortListeners) => Promise<LinkPort>;

/**
 * The real serial port (the `serialport` package, loaded on first use as @sensorkit/io does): a USB board
 * or a pseudo-terminal (QEMU's `-serial pty`, the host firmware).
 * @example
 * const link = await BoardLink.open({ port: serialLinkPort('/dev/pts/5') });
 */
export function serialLinkPort(path: string, baudRate = 115200): LinkPortOpener {
  return async (listeners) => {
    const { SerialPort } = await loadSerialPort();
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    let reported = false;
    const closed = (error: Error | undefined): void => {
      if (reported) return;
      reported = true;
      listeners.closed(error);
    };
    port.on('data', (bytes: Buffer) => listeners.data(bytes));
    port.on('close', (error: Error | null | undefined) => closed(error ?? undefined));
    port.on('error', (error: Error) => closed(error));
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(new Error(`link: cannot open ${path}: ${error.message}`)) : resolve())));
    return {
      write: (bytes) =>
        new Promise<void>((resolve, reject) => {
          port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => (error ? reject(error) : undefined));
          port.drain((error) => (error ? reject(error) : resolve()));
        }),
      close: () =>
        new Promise<void>((resolve) => {
          if (!port.isOpen) return resolve();
          port.close(() => resolve());
        }),
    };
  };
}
