#!/usr/bin/env node
// `npm start`: builds what is missing or stale (scripts/build.mjs; nothing, on most starts), then
// runs the compiled server in this process. The seeded demo is not built here (a restart has no
// use for it), only forgotten when the sources changed since it was seeded.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, ensureBuilt, forgetStaleDemo, startParts } from './build.mjs';

await ensureBuilt(startParts);
forgetStaleDemo();
// Stack traces name the TypeScript sources, through the source maps the build writes.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(dist, 'server', 'main.js')).href);
