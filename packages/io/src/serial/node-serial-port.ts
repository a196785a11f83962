import type { SerialPortFactory, SerialPortLike } from './serial-port.js';

type SerialPortModule = typeof import('serialport');

let loading: Promise<SerialPortModule> | undefined;

/**
 * Loads the `serialport` package on first use, so importing @sensorkit/io never loads its native
 * binding (reading a WAV file should not depend on it).
 */
export function loadSerialPort(): Promise<SerialPortModule> {
  loading ??= import('serialport');
  return loading;
}

/**
 * The real serial port: the `serialport` package (Linux, macOS, Windows; pseudo-terminals included).
 * A read error such as a pty whose other side closed, or a USB device unplugged, closes the port and
 * reports `closed(error)`; `serialport` opens with an exclusive lock and flushes stale input.
 * @example
 * const source = openSerialSource({ path: '/dev/ttyACM0', port: createNodeSerialPort }); // the default
 */
export const createNodeSerialPort: SerialPortFactory = ({ path, baudRate }, listeners): SerialPortLike => {
  type Port = InstanceType<SerialPortModule['SerialPort']>;
  let port: Port | undefined;
  let opening: Promise<void> | undefined;
  let isOpen = false;
  let reported = false;
  const reportClosed = (error: Error | undefined): void => {
    if (!isOpen || reported) return;
    reported = true;
    isOpen = false;
    listeners.closed(error);
  };
  const closePort = (p: Port): Promise<void> =>
    new Promise((resolve) => {
      if (!p.isOpen) return resolve();
      p.close(() => resolve());
    });
  return {
    open(): Promise<void> {
      opening = (async () => {
        const { SerialPort } = await loadSerialPort();
        const p: Port = new SerialPort({ path, baudRate, autoOpen: false });
        port = p;
        p.on('data', (bytes: Buffer) => listeners.data(bytes));
        p.on('close', (error: Error | null | undefined) => reportClosed(error ?? undefined));
        p.on('error', (error: Error) => {
          // Errors after open (rare: reads that fail are turned into a close by serialport) end the connection.
          if (!isOpen) return;
          reportClosed(error);
          void closePort(p);
        });
        await new Promise<void>((resolve, reject) => p.open((error) => (error ? reject(error) : resolve())));
        isOpen = true;
      })();
      return opening;
    },
    pause(): void {
      port?.pause();
    },
    resume(): void {
      port?.resume();
    },
    async close(): Promise<void> {
      // An open still in flight (a timed-out attempt) is closed as soon as it lands.
      await opening?.catch(() => undefined);
      const p = port;
      if (!p) return;
      const wasOpen = isOpen;
      await closePort(p);
      if (wasOpen) reportClosed(undefined);
    },
  };
};
