import { createMachine } from './machine-plan.js';
import { simulate } from './simulate.js';
for (const kind of ['none', 'outer-race', 'inner-race', 'ball', 'imbalance'] as const) {
  const plan = createMachine({ seed: 3, gearTeeth: 20, fault: kind === 'none' ? { kind } : { kind, severity: 0.3 } });
  simulate(plan, { sampleRate: 48000, duration: 1 });
  const t0 = performance.now();
  simulate(plan, { sampleRate: 48000, duration: 10 });
  const ms = performance.now() - t0;
  console.log(kind, (ms / 480000 * 1000).toFixed(3), 'us/sample', (10000 / ms).toFixed(0), 'x realtime');
}
