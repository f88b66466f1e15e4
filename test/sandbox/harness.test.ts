import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { grader, loadProblemSet } from '../../src/server/problems.js';
import { testConfig } from '../support/http.js';

// Code that tries to grade itself: it answers wrongly and tampers with what reports its answer, so
// that a wrong answer would read as the expected one. The host compares, with references the code
// cannot reach, so each attempt is graded as what the function really returned.
const problems = loadProblemSet();
const grading = grader(problems, { threads: 1, snapshotDir: path.join(testConfig.DATA_DIR, 'sandbox') });
afterAll(() => grading.close());

const twoSum = problems.coding.get('two-sum')!;
// What the public examples expect, as a candidate reads it on the page.
const expected = twoSum.examples.map((example) => example.expected);
const faked = JSON.stringify(JSON.stringify(expected[0]));

const examples = (language: 'javascript' | 'python', source: string) =>
  grading.gradeCode(twoSum, language, source, 'examples');

describe('JavaScript that tampers with the harness', () => {
  it.each([
    [
      'replaces JSON.stringify',
      `const real = JSON.stringify;
       JSON.stringify = (value) => value && typeof value === 'object' && 'value' in value
         ? real({ value: ${faked} }) : ${faked};
       function twoSum() { return [-1, -1] }`,
    ],
    [
      'puts a toJSON on Object.prototype',
      `Object.prototype.toJSON = function () { return ${JSON.stringify(expected[0])} };
       function twoSum() { return { wrong: true } }`,
    ],
    [
      'puts a toJSON on Array.prototype',
      `Array.prototype.toJSON = function () { return ${JSON.stringify(expected[0])} };
       function twoSum() { return [-1, -1] }`,
    ],
    [
      'replaces Array.prototype.map and JSON.parse',
      `Array.prototype.map = function () { return ${JSON.stringify(expected[0])} };
       const parse = JSON.parse;
       JSON.parse = (text) => { const value = parse(text); return value && value.value ? { value: ${faked} } : value };
       function twoSum() { return [-1, -1] }`,
    ],
    [
      'replaces Reflect.apply and Function.prototype.apply',
      `Reflect.apply = () => ${JSON.stringify(expected[0])};
       Function.prototype.apply = () => ${JSON.stringify(expected[0])};
       function twoSum() { return [-1, -1] }`,
    ],
  ])('%s: graded as failed', async (_name, source) => {
    const grade = await examples('javascript', source);
    expect(grade.outcome, grade.detail).toBe('completed');
    expect(grade.passed).toBe(0);
  });

  it('an honest answer next to the same tampering still passes', async () => {
    const grade = await examples(
      'javascript',
      `JSON.stringify = () => '"nothing"';
       Object.prototype.toJSON = () => 'nothing';
       function twoSum(nums, target) {
         const seen = new Map();
         for (let i = 0; i < nums.length; i++) {
           if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
           seen.set(nums[i], i);
         }
       }`,
    );
    expect(grade.passed).toBe(grade.total);
  });

  it('a value with no JSON form is a failed test, not an error of the server', async () => {
    const grade = await examples('javascript', 'function twoSum() { const a = []; a.push(a); return a }');
    expect(grade.passed).toBe(0);
    expect(grade.tests[0]).toMatchObject({ passed: false, error: expect.stringMatching(/circular/) });
  });
});

describe('Python that tampers with the harness', () => {
  it.each([
    [
      'replaces __main__.__hireloop_call',
      `import __main__, json
def fake(*args, **kwargs):
    return json.dumps({"value": ${faked}})
__main__.__hireloop_call = fake
def two_sum(nums, target):
    return [-1, -1]`,
    ],
    [
      'monkeypatches json.dumps',
      `import json
json.dumps = lambda *args, **kwargs: ${faked}
def two_sum(nums, target):
    return [-1, -1]`,
    ],
    [
      "monkeypatches the json module's encoder",
      `import json, json.encoder
json.encoder.JSONEncoder.encode = lambda self, value: ${faked}
json._default_encoder = json.encoder.JSONEncoder()
def two_sum(nums, target):
    return [-1, -1]`,
    ],
    [
      'changes the JavaScript prototypes around it',
      `from pyodide.ffi import to_js
array = to_js([])
array.constructor.prototype.toJSON = lambda *args: ${JSON.stringify(expected[0])}
def two_sum(nums, target):
    return [-1, -1]`,
    ],
  ])('%s: graded as failed', async (_name, source) => {
    const grade = await examples('python', source);
    expect(grade.passed).toBe(0);
  });

  it('what one run did to the JavaScript around it is gone for the next', async () => {
    await examples(
      'python',
      `from pyodide.ffi import to_js
to_js([]).constructor.prototype.entries = lambda *args: iter([])
def two_sum(nums, target):
    return [0, 1]`,
    );
    const honest = await examples(
      'python',
      'def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i',
    );
    expect(honest.passed).toBe(honest.total);
  });
});
