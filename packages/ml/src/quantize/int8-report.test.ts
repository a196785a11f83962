import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderModelCard } from '../model-card.js';
import { int8CardSection, loadInt8Report, saveInt8Report, withInt8Section, type Int8Report } from './int8-report.js';

const report: Int8Report = {
  metric: 'accuracy', float: 0.9312, int8: 0.9287, samples: 1200,
  extra: { 'int8 top class = float top class': { int8: 0.985 } },
  calibration: { method: 'minmax', samples: 500 },
  footprint: { parameters: 22000, weightBytes: 21000, quantizationBytes: 2000, arenaBytes: 9600 },
  command: 'sensorkit quantize --model models/kws --calibration a.jsonl --test b.jsonl',
  createdAt: '2026-11-22T00:00:00.000Z',
};

describe('int8 model card section', () => {
  it('shows float vs int8, the footprint and the command', () => {
    const { heading, body } = int8CardSection(report);
    expect(heading).toBe('int8 (microcontroller)');
    expect(body).toContain('| accuracy (1200 test samples) | 0.9312 | 0.9287 |');
    expect(body).toContain('| int8 top class = float top class |  | 0.9850 |');
    expect(body).toContain('**weights**: 21000 bytes int8 (22000 parameters), plus 2000 bytes');
    expect(body).toContain('**arena**: 9600 bytes');
    expect(body).toContain('sensorkit quantize --model models/kws');
  });

  it('renderModelCard appends it when given the report, and withInt8Section replaces it in place', () => {
    const card = renderModelCard({ title: 'KWS', summary: 'Keywords.', metrics: [{ accuracy: 0.93 }], command: 'sensorkit kws eval', details: { Training: { seed: 1 } }, int8: report });
    expect(card.indexOf('## Training')).toBeLessThan(card.indexOf('## int8 (microcontroller)'));
    const newer = { ...report, int8: 0.93 };
    const updated = withInt8Section(card, newer);
    expect(updated.match(/## int8/g)).toHaveLength(1);
    expect(updated).toContain('| 0.9312 | 0.9300 |');
    expect(updated.startsWith(card.slice(0, card.indexOf('## int8')))).toBe(true);
    // A section after the int8 one survives the replacement.
    const withLater = `${card}\n## Later\n\ntext\n`;
    expect(withInt8Section(withLater, newer)).toMatch(/0\.9300 \|[\s\S]*## Later\n\ntext/);
    expect(withInt8Section('# Bare\n', report)).toMatch(/^# Bare\n\n## int8 \(microcontroller\)/);
  });
});

describe('int8 report file', () => {
  it('round-trips, is undefined when absent, and is refused when it is not a report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sensorkit-int8-report-'));
    try {
      expect(await loadInt8Report(dir)).toBeUndefined();
      await mkdir(join(dir, 'int8'));
      await saveInt8Report(dir, report);
      expect(await loadInt8Report(dir)).toEqual(report);
      await writeFile(join(dir, 'int8', 'report.json'), JSON.stringify({ ...report, extra: { old: 0.5 } }));
      await expect(loadInt8Report(dir)).rejects.toThrow(/report\.json: not an int8 report of this kit/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
