import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/protocol/config';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every URL parameter with its real default and range', () => {
    for (const spec of PARAMS) {
      const rows = readme.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
      const cells = rows.find((row) => row[1] === `\`${spec.key}\``);
      if (!cells) throw new Error(`README has no row for ${spec.key}`);
      expect(cells[2], spec.key).toBe(spec.label);
      expect(Number(cells[3]), spec.key).toBe(spec.defaultValue);
      const [min, max] = cells[4]
        .replace(/^integer /, '')
        .split(' – ')
        .map(Number);
      expect([min, max], spec.key).toEqual([spec.min, spec.max]);
      expect(cells[4].startsWith('integer'), spec.key).toBe(spec.kind === 'int');
    }
  });
});
