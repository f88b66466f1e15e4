import { describe, expect, it } from 'vitest';
import { longEnoughToSearch } from '../../../src/contracts/vocabulary.js';
import { hanQuery, searchable } from '../../../src/db/search/candidate-text.js';

describe('the Han lexemes a Chinese query looks up', () => {
  it('covers each run with pairs that do not overlap, the last pair of an odd run excepted', () => {
    expect(hanQuery('浙江大学')).toBe("'浙江' & '大学'");
    expect(hanQuery('王小明')).toBe("'王小' & '小明'");
    expect(hanQuery('武汉')).toBe("'武汉'");
    expect(hanQuery('王')).toBe("'王'");
  });

  it('takes every run of Han in a mixed query and nothing else', () => {
    expect(hanQuery('使用 Golang 和 MySQL')).toBe("'使用' & '和'");
    expect(hanQuery('kafka and ads')).toBeNull();
  });

  it('lets one Chinese character through where a Latin query needs two or three', () => {
    expect([longEnoughToSearch('王'), longEnoughToSearch('a'), longEnoughToSearch('ab')]).toEqual([
      true,
      false,
      true,
    ]);
    expect([searchable('王'), searchable('ab'), searchable('abc')]).toEqual([true, false, true]);
  });
});
