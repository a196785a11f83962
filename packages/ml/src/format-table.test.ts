import { describe, expect, it } from 'vitest';
import { formatCell, formatMarkdownTable, formatTable } from './format-table.js';

const ROWS = [
  { fault: 'outer-race', auc: 0.99871, windows: 120 },
  { fault: 'inner-race', auc: 1, windows: 8 },
];

describe('formatTable', () => {
  it('aligns text left and numbers right under a header and a rule', () => {
    expect(formatTable(ROWS)).toBe(
      ['fault          auc  windows', '----------  ------  -------', 'outer-race  0.9987      120', 'inner-race       1        8'].join('\n'),
    );
  });

  it('takes the column order and decimals asked for, and leaves missing cells blank', () => {
    expect(formatTable([{ a: 1.23456, b: 'x' }, { b: 'yy' }], { columns: ['b', 'a'], digits: 2 })).toBe(
      ['b      a', '--  ----', 'x   1.23', 'yy'].join('\n'),
    );
  });

  it('formats cells: integers whole, tiny numbers in exponent form, null blank', () => {
    expect([3, 0.5, 1.5e-7, null, undefined, true, Number.NaN].map((v) => formatCell(v))).toEqual(['3', '0.5000', '1.50e-7', '', '', 'true', 'NaN']);
  });
});

describe('formatMarkdownTable', () => {
  it('renders a GitHub table with numeric columns right-aligned and pipes escaped', () => {
    expect(formatMarkdownTable([...ROWS, { fault: 'a|b', auc: 0.5, windows: 1 }])).toBe(
      [
        '| fault | auc | windows |',
        '| --- | ---: | ---: |',
        '| outer-race | 0.9987 | 120 |',
        '| inner-race | 1 | 8 |',
        '| a\\|b | 0.5000 | 1 |',
      ].join('\n'),
    );
  });
});
