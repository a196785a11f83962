/**
 * @sensorkit/link: the host side of the board relay. A COBS-framed, CRC-16-checked request/response
 * protocol over a serial port (a USB board, QEMU's pseudo-terminal, or the host build of the firmware),
 * with a version handshake, timeouts, retries, resynchronisation after garbage, truncation or a reset,
 * and counts of what was lost.
 */
export * from './crc16.js';
export * from './cobs.js';
export * from './protocol.js';
export * from './frame.js';
export * from './frame-decoder.js';
export * from './messages.js';
export * from './link-error.js';
export * from './link-port.js';
export * from './board-link.js';
export * from './stream-signal.js';
export * from './remote-model.js';
