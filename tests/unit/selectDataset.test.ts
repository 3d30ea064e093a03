import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/core/data/csvParser';
import { selectDataset, type Dataset } from '../../src/core/data/selectDataset';
import { message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

const TABLE = parseCsvText(
  ['a,b,c,label,flat', '1,10,100,x,7', '2,NA,200,y,7', '3,30,,z,7', '4,40,400,w,7', '5,50,500,v,8'].join(
    '\n',
  ),
);

/** The dataset of a selection that must succeed. */
function dataset(x: string[], y: string[], minRows = 1): Dataset {
  const selection = selectDataset(TABLE, x, y, minRows);
  if ('error' in selection) throw selection.error;
  return selection.dataset;
}

/** The error of a selection that must fail. */
function error(x: string[], y: string[], minRows = 1) {
  const selection = selectDataset(TABLE, x, y, minRows);
  if (!('error' in selection)) throw new Error('expected the selection to fail');
  return {
    code: selection.error.code,
    detail: selection.error.detail,
    message: inEnglish(selection.error.detail),
  };
}

describe('choosing X and Y columns', () => {
  it('packs the chosen columns row-major as float32, dropping and counting rows with a missing value', () => {
    const d = dataset(['a', 'c'], ['b']);
    expect(d).toMatchObject({
      n: 3,
      xDim: 2,
      yDim: 1,
      usedRows: 3,
      droppedRows: 2,
      xNames: ['a', 'c'],
      yNames: ['b'],
    });
    expect(Array.from(d.x)).toEqual([1, 100, 4, 400, 5, 500]); // rows 1, 4, 5 in file order
    expect(Array.from(d.y)).toEqual([10, 40, 50]);
  });

  it('drops only rows missing in a chosen column, and lets X and Y differ in width', () => {
    const d = dataset(['a'], ['b', 'c', 'flat']);
    expect(d).toMatchObject({ n: 3, xDim: 1, yDim: 3, droppedRows: 2 });
    const all = dataset(['a'], ['flat']);
    expect(all).toMatchObject({ n: 5, droppedRows: 0 });
    expect(Array.from(all.y)).toEqual([7, 7, 7, 7, 8]);
  });

  it('counts a column named twice on one side once', () => {
    expect(dataset(['a', 'a'], ['c']).xDim).toBe(1);
  });

  it('needs a column on each side', () => {
    expect(error([], ['a'])).toMatchObject({ code: 'no-x', message: 'Choose at least one X column.' });
    expect(error(['a'], [])).toMatchObject({ code: 'no-y', message: 'Choose at least one Y column.' });
  });

  it('refuses a column on both sides, a text column (with why) and an unknown one', () => {
    expect(error(['a', 'b'], ['b'])).toMatchObject({
      code: 'shared-column',
      message: expect.stringMatching(/^Column b is chosen as both X and Y/),
    });
    expect(error(['label'], ['a'])).toMatchObject({
      code: 'text-column',
      message: "Column label cannot be used: its value 'x' in row 2 is not a number.",
    });
    expect(error(['nope'], ['a'])).toMatchObject({
      code: 'unknown-column',
      detail: message('errors.select.unknown', { name: 'nope' }),
    });
  });

  it('refuses a column that is constant in the rows left', () => {
    expect(dataset(['flat'], ['b', 'c']).n).toBe(3); // rows 1, 4 and 5: flat is 7, 7, 8
    const varyingOnlyWhereMissing = parseCsvText('a,flat,b\n1,7,1\n2,7,2\n3,8,NA\n');
    const selection = selectDataset(varyingOnlyWhereMissing, ['b'], ['flat'], 1);
    expect(
      'error' in selection && { ...selection.error, message: inEnglish(selection.error.detail) },
    ).toMatchObject({
      code: 'constant-column',
      message: expect.stringMatching(/^Column flat has the same value in every row used/),
    });
  });

  it('refuses too few rows left, saying how many were kept and dropped', () => {
    expect(error(['a'], ['b', 'c'], 4)).toMatchObject({
      code: 'too-few-rows',
      message:
        'Only 3 rows have a value in every chosen column (2 dropped); at least 4 are needed: choose other columns, or a file with more rows.',
    });
    expect(dataset(['a'], ['b', 'c'], 3).n).toBe(3);
  });
});
