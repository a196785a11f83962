// Test fixture for the microphone source: writes the bytes of a file to stdout in pieces of odd sizes
// (1, 3, 5, ... bytes, cycling), pausing between writes so the reader sees them split.
import { readFileSync } from 'node:fs';

const bytes = readFileSync(process.argv[2]);
const sizes = [1, 3, 5, 7, 9, 11, 13, 1001, 1, 2047];
let at = 0;
let turn = 0;
const next = () => {
  if (at >= bytes.length) return;
  const size = sizes[turn++ % sizes.length];
  const piece = bytes.subarray(at, at + size);
  at += piece.length;
  process.stdout.write(piece, () => setTimeout(next, 1));
};
next();
