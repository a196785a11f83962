/**
 * Resolves or rejects as `promise` does, or rejects with `Error(message)` after `ms` milliseconds,
 * whichever comes first; the timer never outlives the race.
 * @example
 * await withTimeout(port.open(), 5000, 'serial: opening /dev/ttyACM0 took over 5000 ms');
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
