import { describe, expect, it } from 'vitest';
import { mainSliders } from '../../src/components/controls/mainParams';
import { DEFAULTS } from '../../src/protocol/config';

describe('main sliders', () => {
  it('are power, noise, dim and hidden on the channel, and follow the distribution', () => {
    expect(mainSliders(DEFAULTS).map((s) => s.key)).toEqual(['power', 'noise', 'dim', 'hidden']);
    expect(mainSliders({ ...DEFAULTS, dist: 'cubic' }).map((s) => s.key)).toEqual(['rho', 'dim', 'hidden']);
    expect(mainSliders({ ...DEFAULTS, dist: 'staircase' }).map((s) => s.key)).toEqual([
      'stair',
      'dim',
      'hidden',
    ]);
  });
});
