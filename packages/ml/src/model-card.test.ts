import { describe, expect, it } from 'vitest';
import { renderModelCard } from './model-card.js';

describe('renderModelCard', () => {
  it('composes title, summary, metrics table, the measuring command and detail sections', () => {
    const card = renderModelCard({
      title: 'Bearing anomaly detector',
      summary: 'Dense autoencoder over 24 vibration features.\n',
      metrics: [{ fault: 'outer-race', auc: 0.99912 }],
      command: 'pnpm sensorkit anomaly eval --model models/anomaly',
      details: { Training: { epochs: 40, seed: 1 }, Limits: 'Trained on simulated data only.' },
    });
    expect(card).toBe(
      [
        '# Bearing anomaly detector',
        '',
        'Dense autoencoder over 24 vibration features.',
        '',
        '## Metrics',
        '',
        '| fault | auc |',
        '| --- | ---: |',
        '| outer-race | 0.9991 |',
        '',
        'Measured with:',
        '',
        '```sh',
        'pnpm sensorkit anomaly eval --model models/anomaly',
        '```',
        '',
        '## Training',
        '',
        '- **epochs**: 40',
        '- **seed**: 1',
        '',
        '## Limits',
        '',
        'Trained on simulated data only.',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing was measured', () => {
    expect(renderModelCard({ title: 't', summary: 's', metrics: [], command: 'c' })).toContain('## Metrics\n\n(none measured)\n');
  });
});
