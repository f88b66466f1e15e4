#!/usr/bin/env node
// Builds what `npm start` runs, once, and again only when its sources change:
//   - the web app (Vite) into dist/web,
//   - the server, compiled file by file from TypeScript by esbuild into dist/ (src/server/main.ts
//     becomes dist/server/main.js, so every path a module finds relative to itself still holds),
//   - an empty PGlite database with the schema migrated, dist/pglite-template, which a first start
//     copies instead of creating a database from nothing (PostgreSQL's initdb, seconds in WebAssembly).
// Each part records the hash of its inputs in a stamp written after the part is complete; a part
// whose stamp matches is left alone. Builds take a lock, so processes starting at once build once.
//
//   node scripts/build.mjs [web|server|database ...] [--force]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

export const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => path.join(root, ...parts);
export const dist = at('dist');
const SERVER_STAMP = at('dist', '.server-build.json');
const WEB_STAMP = at('dist', 'web', '.build-stamp.json');
/**
 * Names the template's directory (dist/pglite-template-…, new for each build, never changed once
 * in place, so a start copying one never sees it change) and its migrations. Beside the template,
 * not in it: the template is copied whole into a data directory.
 */
export const DATABASE_STAMP = at('dist', 'pglite-template.json');
/** The same with the demo seeded (dist/pglite-demo-…), for a first start soon after a build. */
export const DEMO_STAMP = at('dist', 'pglite-demo.json');
/**
 * How long a seeded snapshot stands in for seeding at the start: the demo's dates are relative to
 * the moment it was seeded, and its upcoming interviews are a day or more ahead of that moment.
 * main.ts applies the same age.
 */
const DEMO_HOURS = 6;

/** Every file under `dir` (relative to the checkout), sorted, skipping `skip` directories. */
function filesUnder(dir, skip = []) {
  const found = [];
  const walk = (relative) => {
    for (const entry of fs.readdirSync(at(relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(child)) walk(child);
      } else if (entry.isFile()) found.push(child);
    }
  };
  walk(dir);
  return found.sort();
}

/** The hash of the named files' paths and contents. */
function hashOf(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(at(file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const packageVersion = (name) =>
  JSON.parse(fs.readFileSync(at('node_modules', ...name.split('/'), 'package.json'), 'utf8')).version;

const serverSources = () => filesUnder('src', ['src/web']);
const lockfile = () => (fs.existsSync(at('package-lock.json')) ? ['package-lock.json'] : []);

const parts = {
  server: {
    label: 'the server',
    stamp: SERVER_STAMP,
    // esbuild's version is an input: another version may compile the same source differently.
    key: () => hashOf(serverSources()) + packageVersion('esbuild'),
    outputs: () => ['server/main.js'],
    build: buildServer,
  },
  web: {
    label: 'the web app',
    stamp: WEB_STAMP,
    // The app imports the contracts; the lockfile stands for React, Vite and the plugins.
    key: () =>
      hashOf([...filesUnder('src/web'), ...filesUnder('src/contracts'), 'vite.config.ts', ...lockfile()]),
    // The marker is written once the assets are compressed: a build from before that is redone.
    outputs: () => ['web/index.html', 'web/.precompressed'],
    build: buildWeb,
  },
  database: {
    label: 'the empty database',
    stamp: DATABASE_STAMP,
    key: () =>
      hashOf(['src/db/migrations.ts', 'src/db/database.ts']) + packageVersion('@electric-sql/pglite'),
    outputs: (stamp) => [`${stamp?.dir ?? 'pglite-template'}/PG_VERSION`],
    needs: ['server'],
    build: buildDatabaseTemplate,
    cleanup: removeOld('pglite-template-'),
  },
  demo: {
    label: 'the demo, seeded',
    stamp: DEMO_STAMP,
    // The seed reads the shipped templates (processes, questions, messages) as well as the code.
    key: () => hashOf(filesUnder('templates')) + keyOf('server') + keyOf('database'),
    outputs: (stamp) => [`${stamp?.dir ?? 'pglite-demo'}/PG_VERSION`],
    needs: ['server', 'database'],
    maxAgeMs: DEMO_HOURS * 3_600_000,
    build: buildDemoSnapshot,
    cleanup: removeOld('pglite-demo-'),
  },
};
/** What `npm start` builds when stale; the seeded demo only `npm run build` (and `npm install`). */
export const startParts = ['server', 'database', 'web'];

const readStamp = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** Each part's key, hashed once per process: the sources do not change while it runs. */
const keys = new Map();
const keyOf = (name) => {
  if (!keys.has(name)) keys.set(name, parts[name].key());
  return keys.get(name);
};

/** Whether the part is built from its current sources; the key when it is not. */
function freshness(name) {
  const part = parts[name];
  const key = keyOf(name);
  const stamp = readStamp(part.stamp);
  const complete = part.outputs(stamp).every((output) => fs.existsSync(path.join(dist, output)));
  const young = !part.maxAgeMs || Date.now() - Date.parse(stamp?.builtAt ?? '') < part.maxAgeMs;
  return { fresh: complete && young && stamp?.key === key, key, stamp };
}

/** Drops the seeded demo's stamp when the sources changed since it was seeded, so no start uses it. */
export function forgetStaleDemo() {
  const stamp = readStamp(DEMO_STAMP);
  if (stamp && stamp.key !== keyOf('demo')) fs.rmSync(DEMO_STAMP, { force: true });
}

/**
 * Builds the named parts that are missing or stale (all of them by default); returns the parts it
 * built. `log` receives one line per part built, saying what and how long.
 */
export async function ensureBuilt(names = Object.keys(parts), { force = false, log = console.log } = {}) {
  const wanted = [...new Set(names.flatMap((name) => [...(parts[name].needs ?? []), name]))];
  const stale = () => wanted.filter((name) => force || !freshness(name).fresh);
  if (stale().length === 0) return [];
  const built = [];
  await withBuildLock(async () => {
    // Another process may have built while this one waited.
    for (const name of stale()) {
      const part = parts[name];
      const { key, stamp } = freshness(name);
      const started = performance.now();
      log(`Building ${part.label}…`);
      const details = await part.build(stamp);
      fs.mkdirSync(path.dirname(part.stamp), { recursive: true });
      writeAtomically(part.stamp, JSON.stringify({ key, builtAt: new Date().toISOString(), ...details }));
      part.cleanup?.(details);
      log(`Built ${part.label} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      built.push(name);
    }
  });
  return built;
}

function writeAtomically(file, text) {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, text);
  fs.renameSync(partial, file);
}

const LOCK = at('dist', '.build.lock');

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** One builder at a time; a lock left by a builder that died is taken over. */
async function withBuildLock(work) {
  fs.mkdirSync(dist, { recursive: true });
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(LOCK, 'utf8'));
      if (!(holder > 0) || holder === process.pid || !alive(holder)) {
        fs.rmSync(LOCK, { force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

/** src/**\/*.ts to dist/**\/*.js, one module per file; the .mjs modules are copied as they are. */
async function buildServer(previous) {
  const { build } = await import('esbuild');
  const sources = serverSources();
  const typescript = sources.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  const copied = sources.filter((file) => file.endsWith('.mjs'));
  await build({
    absWorkingDir: root,
    entryPoints: typescript,
    outbase: 'src',
    outdir: 'dist',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const file of copied) fs.copyFileSync(at(file), path.join(dist, path.relative('src', file)));
  const outputs = [
    ...typescript.flatMap((file) => {
      const js = path.relative('src', file).replace(/\.ts$/, '.js');
      return [js, `${js}.map`];
    }),
    ...copied.map((file) => path.relative('src', file)),
  ];
  // What an earlier build wrote from a source since removed would still be importable: remove it.
  const now = new Set(outputs);
  for (const old of previous?.outputs ?? [])
    if (!now.has(old)) fs.rmSync(path.join(dist, old), { force: true });
  return { outputs };
}

function buildWeb() {
  const vite = at('node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
  precompress(at('dist', 'web', 'assets'));
  fs.writeFileSync(at('dist', 'web', '.precompressed'), '');
  return {};
}

/**
 * A Brotli and a gzip copy beside each asset, which the server sends to browsers that accept them
 * (190 KB of gzip instead of the app's 630 KB of script). Brotli at quality 9: within 10% of its
 * best (quality 11) in a seventeenth of the time, so a build does not wait seconds for it.
 */
function precompress(dir) {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const body = fs.readFileSync(file);
    if (body.length < 1024) continue;
    const brotli = { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length };
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: brotli }));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  }
}

/** A fresh PGlite database, migrated by the compiled server's own code, closed cleanly. */
async function buildDatabaseTemplate() {
  const compiled = (file) => import(pathToFileURL(path.join(dist, 'db', file)).href);
  const { openDatabase, migrateToLatest } = await compiled('database.js');
  const { migrationProvider } = await compiled('migrations.js');
  const dir = `pglite-template-${Date.now().toString(36)}`;
  const scratch = path.join(dist, `${dir}.${process.pid}.partial`);
  fs.rmSync(scratch, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: scratch });
  await migrateToLatest(database.db);
  await database.close();
  fs.renameSync(path.join(scratch, 'pglite'), path.join(dist, dir));
  fs.rmSync(scratch, { recursive: true, force: true });
  // A start uses the template only when it holds exactly the migrations that start knows.
  return { dir, migrations: Object.keys(await migrationProvider.getMigrations()) };
}

/** Once the stamp names the new directory, the others go (a start copying one falls back). */
function removeOld(prefix) {
  return ({ dir }) => {
    for (const entry of fs.readdirSync(dist))
      if (entry.startsWith(prefix) && entry !== dir)
        fs.rmSync(path.join(dist, entry), { recursive: true, force: true });
  };
}

/**
 * The empty template with the demo seeded by the compiled server, as a first start would seed it,
 * at this moment and for the default public URL (its emails' links); main.ts copies it instead of
 * seeding when it is young enough and the start's public URL is the same.
 */
async function buildDemoSnapshot() {
  const compiled = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const { openDatabase } = await compiled('db/database.js');
  const { seedDemo } = await compiled('db/seed-demo.js');
  const { randomIds, systemClock } = await compiled('server/app.js');
  const { hashPassword } = await compiled('server/auth.js');
  const { loadCatalog } = await compiled('server/templates.js');
  const { loadConfig } = await compiled('server/config.js');
  const template = readStamp(DATABASE_STAMP);
  const dir = `pglite-demo-${Date.now().toString(36)}`;
  const scratch = path.join(dist, `${dir}.${process.pid}.partial`);
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  fs.cpSync(path.join(dist, template.dir), path.join(scratch, 'pglite'), { recursive: true });
  const publicUrl = loadConfig({}).PUBLIC_URL;
  const seededAt = systemClock.now();
  const database = await openDatabase({ dataDir: scratch });
  await seedDemo(database.db, {
    now: seededAt,
    ids: randomIds,
    catalog: loadCatalog(),
    hashPassword,
    publicUrl,
  });
  await database.close();
  fs.renameSync(path.join(scratch, 'pglite'), path.join(dist, dir));
  fs.rmSync(scratch, { recursive: true, force: true });
  return { dir, migrations: template.migrations, publicUrl, seededAt: seededAt.toISOString() };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !(name in parts));
  if (unknown.length) {
    console.error(`Unknown part ${unknown.join(', ')}: build one of ${Object.keys(parts).join(', ')}.`);
    process.exit(2);
  }
  try {
    const built = await ensureBuilt(names.length ? names : undefined, { force: args.includes('--force') });
    if (built.length === 0) console.log('Up to date.');
  } catch (error) {
    // At `npm install` a failed build must not fail the installation: `npm start` builds what is
    // missing again, and says why it cannot.
    if (!args.includes('--at-install')) throw error;
    console.warn(`Could not build at install (${error.message}); npm start will try again.`);
  }
}
