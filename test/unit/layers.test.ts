import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/** Dependencies point inward: web → contracts; server → core, db, contracts; db → core; core → contracts (types). */
const forbidden: Record<string, RegExp[]> = {
  'src/core': [/\/(db|server|web)\//, /^(fastify|pg|kysely|react|@electric-sql|node:)/],
  'src/db': [/\/(server|web)\//, /^(fastify|react)/],
  'src/contracts': [/\/(core|db|server|web)\//, /^(fastify|pg|kysely|react)/],
  'src/web': [/\/(core|db|server)\//, /^(fastify|pg|kysely|@electric-sql|node:)/],
};

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? files(path.join(dir, e.name))
        : /\.tsx?$/.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    );
}

function imports(file: string) {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((m) => ({
    typeOnly: Boolean(m[1]),
    from: m[2]!,
  }));
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
