import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Dependencies point inward: web → contracts; server → core, db, contracts; db → core; core → contracts (types). */
const forbidden: Record<string, RegExp[]> = {
  'src/core': [/\/(db|server|web)\//, /^(fastify|pg|kysely|react|@electric-sql|node:)/],
  'src/db': [/\/(server|web)\//, /^(fastify|react)/],
  'src/contracts': [/\/(core|db|server|web)\//, /^(fastify|pg|kysely|react)/],
  'src/web': [/\/(core|db|server)\//, /^(fastify|pg|kysely|@electric-sql|node:)/],
};

function files(dir: string, pattern = /\.tsx?$/): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? files(path.join(dir, e.name), pattern)
        : pattern.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    );
}

/** Every module a file depends on: static imports, `export … from` and dynamic `import()`. */
function imports(file: string) {
  const source = fs.readFileSync(file, 'utf8');
  const declared = [...source.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)];
  const dynamic = [...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)];
  return [
    ...declared.map((m) => ({ typeOnly: Boolean(m[1]), from: m[2]! })),
    ...dynamic.map((m) => ({ typeOnly: false, from: m[1]! })),
  ];
}

it('each layer imports only the layers inside it', () => {
  const violations: string[] = [];
  for (const [dir, rules] of Object.entries(forbidden)) {
    for (const file of files(dir)) {
      for (const { from } of imports(file)) {
        if (rules.some((rule) => rule.test(from))) violations.push(`${file} imports ${from}`);
      }
    }
  }
  expect(violations).toEqual([]);
});

it('the import scan sees `export … from` and `import()` too', () => {
  const probe = path.join(fs.mkdtempSync(path.join('/tmp', 'layers-')), 'probe.ts');
  fs.writeFileSync(probe, "export { x } from '../db/a.js';\nconst m = await import('../server/b.js');\n");
  expect(imports(probe).map((i) => i.from)).toEqual(['../db/a.js', '../server/b.js']);
  fs.rmSync(path.dirname(probe), { recursive: true });
});

it('the core reads values only from the plain vocabulary, and only types from the rest of contracts', () => {
  const violations = files('src/core').flatMap((file) =>
    imports(file)
      .filter(
        ({ from, typeOnly }) => from.includes('/contracts/') && !typeOnly && !from.endsWith('/vocabulary.js'),
      )
      .map(({ from }) => `${file} imports values from ${from}`),
  );
  expect(violations).toEqual([]);
  expect(files('src/core').length).toBeGreaterThan(10);
});

it('the core takes time, randomness and modules only through its ports', () => {
  const ambient =
    /\bDate\.now\(|\bnew Date\(\)|\bMath\.random\(|\bperformance\.now\(|\bimport\(|\bprocess\.(env|argv|hrtime|exit|cwd)\b/;
  const violations = files('src/core').flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => [line, i + 1] as const)
      .filter(([line]) => !/^\s*(\/\/|\/?\*)/.test(line) && ambient.test(line))
      .map(([line, n]) => `${file}:${n}: ${line.trim()}`),
  );
  expect(violations).toEqual([]);
});

it('the web app takes only types from contracts, besides the plain vocabulary, so no Zod reaches the browser', () => {
  const violations = files('src/web').flatMap((file) =>
    imports(file)
      .filter(
        ({ from, typeOnly }) =>
          from.includes('/contracts/') && !typeOnly && !/\/vocabulary(\.js)?$/.test(from),
      )
      .map(({ from }) => `${file} imports values from ${from}`),
  );
  expect(violations).toEqual([]);
  expect(files('src/web').length).toBeGreaterThan(10);
});

it('SQL lives in db/ only', () => {
  const query =
    /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`|\bsql<|\.query\(\s*['`]/;
  const violations = ['src/core', 'src/server', 'src/web', 'src/contracts'].flatMap((dir) =>
    files(dir, /\.(tsx?|mjs)$/)
      .filter((file) => !file.startsWith('src/server/sandbox/'))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (query.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      ),
  );
  // The SQL sandbox runs candidates' queries; that is its job, not ours.
  expect(violations).toEqual([]);
});

describe('sizes', () => {
  const exempt = new Set(['src/db/migrations.ts', 'src/db/seed-demo.ts']);

  it('no source file is over 500 lines, besides the migrations and the demo seed', () => {
    const long = files('src', /\.(tsx?|mjs)$/)
      .filter((file) => !exempt.has(file))
      .map((file) => [file, fs.readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 500)
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it('no route handler is over 30 lines: routes parse, authorise, call one use case and answer', () => {
    const long: string[] = [];
    for (const file of files('src/server/routes')) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
          const method = node.expression.name.text;
          if (['get', 'post', 'put', 'patch', 'delete', 'route'].includes(method)) {
            const handler = node.arguments.at(-1);
            if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
              const start = source.getLineAndCharacterOfPosition(handler.getStart()).line;
              const end = source.getLineAndCharacterOfPosition(handler.getEnd()).line;
              const route = node.arguments[0]?.getText(source) ?? '';
              if (end - start + 1 > 30)
                long.push(`${file}:${start + 1} ${method} ${route}: ${end - start + 1} lines`);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});

it('no import cycle among the source files', () => {
  const resolve = (from: string, spec: string) => {
    const base = path.join(path.dirname(from), spec).replace(/\.js$/, '');
    return [`${base}.ts`, `${base}.tsx`, base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  };
  const graph = new Map(
    files('src').map((file) => [
      file,
      imports(file)
        .filter(({ from }) => from.startsWith('.'))
        .flatMap(({ from }) => resolve(file, from) ?? []),
    ]),
  );
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) walk(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) walk(file);
  expect(cycles).toEqual([]);
});

/** Rules that are an order of reading rather than a decision live in the read model that reads so. */
const homesOutsideCore: Record<string, string> = {
  'R-APP-4': 'src/db/applications/applications.queries.ts',
};

it('each rule of the process spec is implemented in one place, in the core', () => {
  const spec = fs.readFileSync(path.join('..', 'shared', 'spec', 'hiring-process.md'), 'utf8');
  const ruleIds = [...new Set(spec.match(/\bR-[A-Z]+-\d+\b/g))];
  expect(ruleIds.length).toBeGreaterThan(20);
  const sources = files('src', /\.(tsx?|mjs)$/).map((file) => [file, fs.readFileSync(file, 'utf8')] as const);
  const misplaced = ruleIds.flatMap((id) => {
    const mention = new RegExp(`\\b${id}\\b`);
    const places = sources.filter(([, text]) => mention.test(text)).map(([file]) => file);
    const home = homesOutsideCore[id];
    const placed = home
      ? places.length === 1 && places[0] === home
      : places.length === 1 && places[0]!.startsWith('src/core/');
    return placed ? [] : [`${id}: ${places.join(', ') || 'nowhere'}`];
  });
  expect(misplaced).toEqual([]);
});
