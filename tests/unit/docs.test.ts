import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS, type ParamSpec } from '../../src/protocol/config';
import { PAGE_FLAGS } from '../../src/protocol/urlHash';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** How the README's "accepted values" column spells a setting's range or options. */
function acceptedValues(spec: ParamSpec): string {
  switch (spec.type) {
    case 'number':
      return `${spec.kind === 'int' ? 'integer ' : ''}${spec.min} – ${spec.max}`;
    case 'choice':
      return spec.options.length > 8
        ? `one of ${spec.options.length} task ids`
        : spec.options.map((o) => `\`${o.id}\``).join(', ');
    case 'list':
      return `list of ${spec.options.map((o) => `\`${o.id}\``).join(', ')}`;
    case 'layers':
      return `1 to ${spec.maxLayers} integers ${spec.min} – ${spec.max}`;
    case 'columns':
      return 'column names';
  }
}

describe('README', () => {
  it('documents every URL parameter with its real label, default and accepted values', () => {
    const rows = readme.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
    for (const spec of PARAMS) {
      const cells = rows.find((row) => row[1] === `\`${spec.key}\``);
      if (!cells) throw new Error(`README has no row for ${spec.key}`);
      expect(cells[2], spec.key).toBe(spec.label);
      const defaultText = Array.isArray(spec.defaultValue)
        ? spec.defaultValue.join(',')
        : String(spec.defaultValue);
      const shown =
        spec.type === 'number' || spec.type === 'layers'
          ? defaultText
          : defaultText === ''
            ? '—'
            : `\`${defaultText}\``;
      expect(cells[3], spec.key).toBe(shown);
      expect(cells[4], spec.key).toBe(acceptedValues(spec));
    }
  });

  it('documents every page flag of the URL', () => {
    const keys = readme.split('\n').map((line) => line.split('|')[1]?.trim());
    for (const flag of Object.keys(PAGE_FLAGS)) expect(keys, flag).toContain(`\`${flag}\``);
  });
});
