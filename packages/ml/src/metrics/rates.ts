import { requireInRange, requirePositive } from '@sensorkit/dsp';

/**
 * False accepts (false alarms) per hour of audio or signal: the keyword-spotting and monitoring figure
 * of merit. `seconds` is the length of the stream they happened in, s.
 * @example
 * falseAcceptsPerHour(3, 7200);   // 1.5
 */
export function falseAcceptsPerHour(count: number, seconds: number): number {
  requireInRange('falseAcceptsPerHour', 'count', count, 0, Number.MAX_SAFE_INTEGER);
  requirePositive('falseAcceptsPerHour', 'seconds', seconds);
  return (count * 3600) / seconds;
}
