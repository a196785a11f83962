import type { Writable } from 'node:stream';

/** Where the CLI writes: the process's streams in production, in-memory streams in tests. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
}
