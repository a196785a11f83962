import type { Writable } from 'node:stream';

/** Where a kws command writes: the process's streams from the CLI, in-memory streams in tests. */
export interface CommandIo {
  stdout: Writable;
  stderr: Writable;
}
