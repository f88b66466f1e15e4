import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextUnread } from '../../contracts/vocabulary.js';
import { procUsage, type Runner, type RunnerMessage, type Stop, sandboxPool } from '../sandbox/pool.js';

/**
 * Limits for reading one file. A real résumé takes a few tens of milliseconds and megabytes; a file
 * that needs more is built to hurt (on an idle machine a 4 MB-unpacked DOCX of tiny paragraphs
 * needs 2.5 s of CPU and 500 MB, a one-page PDF of 600,000 text operators 2.4 s, a 50,000-page PDF
 * minutes). The limit sits well below those, so whether such a file is read never depends on how
 * fast the machine is. CPU time is the process's own, so a busy machine does not cut a real file
 * short; the wall clock is only a backstop for a reader that stops being scheduled at all.
 */
export const READ_LIMITS = {
  cpuMs: 1000,
  /** Memory above what the reader holds between files. */
  memoryBytes: 256 * 1024 * 1024,
  /** V8's own ceiling in the reader: past it the process dies instead of growing. */
  heapMb: 384,
  wallGraceMs: 30_000,
  /** A DOCX declaring more than this unpacked is kept unread, before anything is inflated (a zip bomb). */
  unpackedBytes: 50 * 1024 * 1024,
  /** Text kept from one file, as much as a pasted résumé may hold. */
  textChars: 100_000,
};

/** Readers kept, and files that may wait for one: more at once are not read at all. */
export const READERS = 2;
export const WAITING = 8;

export type ReadRequest = {
  type: 'pdf' | 'docx';
  data: Uint8Array;
  maxUnpackedBytes: number;
  maxTextChars: number;
  limits: { timeMs: number; memoryBytes: number };
};

/** What reading a file gave: its text, why it is broken, or why it could not be read within the limits. */
export type ReadResult = { text: string } | { error: string } | { unread: TextUnread };

export type ResumeReaders = {
  read(type: ReadRequest['type'], data: Uint8Array): Promise<ReadResult>;
  close(): Promise<void>;
};

const here = path.dirname(fileURLToPath(import.meta.url));
const readerFile = path.join(here, 'resume-reader.mjs');

/** The reader's libraries: the node_modules it finds, and where that really is when it is a link. */
function libraries() {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const found = path.join(dir, 'node_modules');
    if (fs.existsSync(found)) return [found, fs.realpathSync(found)];
    if (path.dirname(dir) === dir) throw new Error(`no node_modules above ${here}`);
  }
}

/** A reader process: empty environment, no code from strings, reading only itself and its libraries. */
function readerProcess(): Runner<ReadRequest, ReadResult> {
  // Node's permission model refuses to start when one path is given twice.
  const reads = [...new Set([here, ...libraries()])];
  const child = fork(readerFile, [], {
    execArgv: [
      '--disallow-code-generation-from-strings',
      '--experimental-permission',
      ...reads.map((dir) => `--allow-fs-read=${dir}`),
      '--no-warnings',
      `--max-old-space-size=${READ_LIMITS.heapMb}`,
    ],
    env: {},
    cwd: os.tmpdir(),
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    // Structured clone carries the file's bytes as they are, not as a JSON array of numbers.
    serialization: 'advanced',
  });
  return {
    usage: () => (child.pid === undefined ? null : procUsage(`/proc/${child.pid}/stat`)),
    limitsItself: false,
    post: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (message) => listener(message as RunnerMessage<ReadResult>)),
    onExit: (listener) => child.on('exit', (code, signal) => listener(signal ?? `exit ${code}`)),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** Why a reader stopped, in the words staff read; V8 aborts the process when its heap is full. */
function stopped(_request: ReadRequest, stop: Stop): ReadResult {
  if (stop.outcome === 'time_limit') return { unread: 'time_limit' };
  if (stop.outcome === 'memory_limit' || /SIGABRT|exit 134/.test(stop.detail))
    return { unread: 'memory_limit' };
  return { unread: 'reader_failed' };
}

/**
 * A small fixed pool of reader processes, started on the first file and kept warm. Files queue for
 * a reader; past `WAITING` queued files, a file is not read at all (marked `busy`), so a burst of
 * hostile uploads holds `READERS` processes and a short queue, never the server.
 */
export function resumeReaders(): ResumeReaders {
  let pool: ReturnType<typeof sandboxPool<ReadRequest, ReadResult>> | null = null;
  let inFlight = 0;
  let closed = false;
  // A file being read when the server closes gets an answer too, so its request can end.
  let closing: (result: ReadResult) => void = () => {};
  const closes = new Promise<ReadResult>((resolve) => {
    closing = resolve;
  });
  return {
    async read(type, data) {
      if (closed) return { unread: 'reader_failed' };
      if (inFlight >= READERS + WAITING) return { unread: 'busy' };
      pool ??= sandboxPool<ReadRequest, ReadResult>({
        size: READERS,
        start: readerProcess,
        graceMs: READ_LIMITS.wallGraceMs,
        stopped,
      });
      inFlight++;
      try {
        const request = {
          type,
          data,
          maxUnpackedBytes: READ_LIMITS.unpackedBytes,
          maxTextChars: READ_LIMITS.textChars,
          limits: { timeMs: READ_LIMITS.cpuMs, memoryBytes: READ_LIMITS.memoryBytes },
        };
        return await Promise.race([pool.run(request), closes]);
      } finally {
        inFlight--;
      }
    },
    async close() {
      closed = true;
      closing({ unread: 'reader_failed' });
      await pool?.close();
      pool = null;
    },
  };
}
