/*
 * Prints what listSerialPorts returns, and the warnings it gives, as one JSON line. The port-list test
 * runs it with a PATH that has no udevadm, to check the real lister degrades instead of crashing.
 */
import { listSerialPorts } from '../../src/serial/port-list.js';

const warnings: string[] = [];
const ports = await listSerialPorts({ onWarning: (message) => warnings.push(message) });
process.stdout.write(`${JSON.stringify({ ports, warnings })}\n`);
