import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPracticeSet, MIN_PUBLIC_TESTS } from '../../src/server/practice-set.js';
import { loadProblemSet } from '../../src/server/problems.js';
import { loadCatalog, TemplateError, templatesRoot } from '../../src/server/templates.js';

const practice = loadPracticeSet();
const hiring = loadProblemSet();
const catalog = loadCatalog();

/** Text as compared for sameness: case, punctuation, markup and spacing do not make a question new. */
const normalised = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** An item's name, its title and the text a candidate reads: any of them shared means the same question. */
type Described = { name: string; title?: string; text: string };

const described = (set: ReturnType<typeof loadProblemSet>): Described[] => [
  ...[...set.coding.values()].map((p) => ({ name: p.slug, title: p.title, text: p.statement })),
  ...[...set.sql.values()].map((q) => ({ name: q.slug, title: q.title, text: q.statement })),
  ...[...set.caseStudies.values()].map((c) => ({ name: c.slug, title: c.title, text: c.brief })),
];

describe('the shipped practice set', () => {
  it('has at least 15 coding problems, 6 SQL questions and 3 case briefs, each explained', () => {
    const { coding, sql, caseStudies } = practice.problems;
    expect(coding.size).toBeGreaterThanOrEqual(15);
    expect(sql.size).toBeGreaterThanOrEqual(6);
    expect(caseStudies.size).toBeGreaterThanOrEqual(3);
    for (const item of [...coding.values(), ...sql.values(), ...caseStudies.values()])
      expect(item.explanation?.length ?? 0, item.slug).toBeGreaterThan(200);
    for (const problem of coding.values()) {
      expect(problem.examples.length, problem.slug).toBeGreaterThanOrEqual(MIN_PUBLIC_TESTS);
      expect(problem.hidden.length, problem.slug).toBeGreaterThanOrEqual(5);
    }
    // Practice SQL runs on data of its own, not on the hiring questions' dataset.
    expect(practice.problems.datasetFile).not.toBe(hiring.datasetFile);
    expect(fs.readFileSync(practice.problems.datasetFile, 'utf8')).not.toBe(
      fs.readFileSync(hiring.datasetFile, 'utf8'),
    );
  });

  it("has at least 3 behavioural prompts for each of the behavioural kit's values", () => {
    const kit = catalog.interviewKits.get('behavioural');
    expect(kit).toBeDefined();
    const kitValues = kit!.focusAttributes.map((a) => ({ key: a.key, name: a.name }));
    expect(practice.behavioural.values).toEqual(kitValues);
    for (const value of kitValues) {
      const prompts = practice.behavioural.prompts.filter((p) => p.value === value.key);
      expect(prompts.length, value.name).toBeGreaterThanOrEqual(3);
    }
    expect(kitValues.map((v) => v.name)).toContain('Always Day 1');
  });

  it('shares no slug, title or statement with a hiring problem or a question-bank question', () => {
    const hiringItems: Described[] = [
      ...described(hiring),
      ...[...catalog.interviewKits.values()].flatMap((kit) =>
        kit.questions.map((q) => ({ name: q.id, text: q.prompt })),
      ),
    ];
    const practiceItems: Described[] = [
      ...described(practice.problems),
      ...practice.behavioural.prompts.map((p) => ({ name: p.id, text: p.prompt })),
    ];
    const names = new Set(hiringItems.map((i) => i.name));
    const titles = new Set(hiringItems.flatMap((i) => (i.title ? [normalised(i.title)] : [])));
    const texts = new Set(hiringItems.map((i) => normalised(i.text)));
    // The hiring side must be the whole of it, or an empty set would make this pass.
    expect(hiring.coding.size).toBeGreaterThan(0);
    expect(texts.size).toBeGreaterThan(hiring.coding.size + hiring.sql.size);
    const shared = practiceItems.filter(
      (i) =>
        names.has(i.name) ||
        (i.title !== undefined && titles.has(normalised(i.title))) ||
        texts.has(normalised(i.text)),
    );
    expect(shared.map((i) => i.name)).toEqual([]);
    // Within the practice set, too, every name and text is used once.
    expect(new Set(practiceItems.map((i) => i.name)).size).toBe(practiceItems.length);
    expect(new Set(practiceItems.map((i) => normalised(i.text))).size).toBe(practiceItems.length);
  });

  it('normalises text so a copy with other spacing or punctuation still counts as the same', () => {
    const [first] = hiring.coding.values();
    expect(normalised(`  ${first!.statement.toUpperCase().replaceAll(' ', '  ')}!`)).toBe(
      normalised(first!.statement),
    );
  });
});

describe('loading a practice set', () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const root of copies) fs.rmSync(root, { recursive: true, force: true });
  });
  /** A copy of the shipped practice set in a temporary folder, changed by `change`. */
  function brokenCopy(change: (root: string) => void) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-'));
    copies.push(root);
    fs.cpSync(path.join(templatesRoot, 'practice'), root, { recursive: true });
    change(root);
    return root;
  }
  const edit = (file: string, update: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    update(json);
    fs.writeFileSync(file, JSON.stringify(json));
  };
  const slugOf = (map: Map<string, unknown>) => [...map.keys()][0]!;

  it('refuses a practice item without its explanation, naming the file', () => {
    const slug = slugOf(practice.problems.sql);
    const root = brokenCopy((dir) =>
      edit(path.join(dir, 'sql', slug, 'question.json'), (json) => {
        delete json.explanation;
      }),
    );
    expect(() => loadPracticeSet(root)).toThrow(TemplateError);
    expect(() => loadPracticeSet(root)).toThrow(`${slug}/question.json: at explanation`);
  });

  it('refuses a coding problem with fewer public tests than practice grades on', () => {
    const slug = slugOf(practice.problems.coding);
    const root = brokenCopy((dir) =>
      edit(path.join(dir, 'coding', slug, 'problem.json'), (json) => {
        json.examples = (json.examples as unknown[]).slice(0, MIN_PUBLIC_TESTS - 1);
      }),
    );
    expect(() => loadPracticeSet(root)).toThrow(`${slug}/problem.json: at examples`);
  });

  it('refuses a behavioural prompt for a value the file does not list, and a repeated id', () => {
    const root = brokenCopy((dir) =>
      edit(path.join(dir, 'behavioural.json'), (json) => {
        const prompts = json.prompts as { id: string; value: string }[];
        prompts[0]!.value = 'be_loud';
        prompts[2]!.id = prompts[1]!.id;
      }),
    );
    expect(() => loadPracticeSet(root)).toThrow('at prompts.0.value: "be_loud" is not a listed value');
    expect(() => loadPracticeSet(root)).toThrow('at prompts.2.id: the id');
  });
});
