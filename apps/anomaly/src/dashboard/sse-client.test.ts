import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SseClient, formatSseComment, formatSseEvent, type SseSink } from './sse-client.js';

/** A socket stand-in whose buffer can be declared full, like a slow browser's. */
class FakeSink extends EventEmitter implements SseSink {
  written: string[] = [];
  full = false;
  writableLength = 0;
  ended = false;
  destroyed = false;
  write(chunk: string): boolean {
    this.written.push(chunk);
    return !this.full;
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

describe('formatSseEvent', () => {
  it('frames an event and splits multi-line data into data: lines', () => {
    expect(formatSseEvent('snapshot', '{"a":1}')).toBe('event: snapshot\ndata: {"a":1}\n\n');
    expect(formatSseEvent('x', 'one\ntwo\r\nthree')).toBe('event: x\ndata: one\ndata: two\ndata: three\n\n');
    expect(formatSseComment('ping\nnow')).toBe(': ping now\n\n');
  });
});

describe('SseClient', () => {
  it('while the socket is backed up, keeps only the latest message per key and never drops unkeyed ones', () => {
    const sink = new FakeSink();
    const client = new SseClient(sink);
    sink.full = true;
    client.send('A1', 'a'); // written, and the write reports a full buffer
    client.send('A2', 'a');
    client.send('B1', 'b');
    client.send('A3', 'a');
    client.send('ALERT'); // alerts have no key: written at once
    expect(sink.written).toEqual(['A1', 'ALERT']);
    expect(client.pendingCount).toBe(2);
    sink.full = false;
    sink.emit('drain');
    expect(sink.written).toEqual(['A1', 'ALERT', 'B1', 'A3']);
    expect(client.pendingCount).toBe(0);
    client.send('A4', 'a');
    expect(sink.written.at(-1)).toBe('A4');
  });

  it('drops a client whose buffer grows past the limit and reports it gone once', () => {
    const sink = new FakeSink();
    const gone: SseClient[] = [];
    const client = new SseClient(sink, 1000, (c) => gone.push(c));
    client.send('x');
    sink.writableLength = 5000;
    client.send('y');
    expect(sink.destroyed).toBe(true);
    expect(sink.written).toEqual(['x']);
    sink.emit('close');
    client.send('z');
    expect(gone).toEqual([client]);
    expect(sink.written).toEqual(['x']);
  });

  it('end() ends the response once and a closed socket stops all writes', () => {
    const sink = new FakeSink();
    const gone: SseClient[] = [];
    const client = new SseClient(sink, undefined, (c) => gone.push(c));
    client.end();
    client.end();
    client.send('late');
    expect(sink.ended).toBe(true);
    expect(sink.written).toEqual([]);
    expect(gone).toHaveLength(1);

    const other = new FakeSink();
    const closed = new SseClient(other, undefined, (c) => gone.push(c));
    other.emit('close');
    closed.send('late');
    expect(other.written).toEqual([]);
    expect(gone).toHaveLength(2);
  });
});
