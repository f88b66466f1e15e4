import { expect, it } from 'vitest';
import { toCsv } from '../../src/web/csv.js';

it('a job title starting with = + - @ cannot run as a spreadsheet formula', () => {
  const csv = toCsv([
    ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', 'Engineer'],
    [-5, 0.25, 'plain, with comma'],
  ]);
  expect(csv.split('\n')).toEqual([
    `"'=HYPERLINK(""http://evil.example"",""x"")",'+1+1,'-2+3,'@SUM(A1),'\tcmd,Engineer`,
    '-5,0.25,"plain, with comma"',
  ]);
});
