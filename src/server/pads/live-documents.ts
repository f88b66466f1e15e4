import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { PadDocuments } from '../../core/pads/pads.port.js';
import { PAD_MAX_CHARACTERS, padEditFits } from '../../core/pads/pads.rules.js';
import type { PadRelay, RelayedMessage } from '../../db/pad-relay.js';
import type { PadEventView } from '../../db/pads/pads.queries.js';

/** One pad's live document and the sockets editing it, in this process. */
type Live = { doc: Y.Doc; sockets: Set<WebSocket>; saving: Promise<unknown> };

const TEXT = 'code';

/** The characters an update inserts at most: every item it carries, whether or not the document has it. */
function insertedAtMost(update: Uint8Array) {
  let inserted = 0;
  for (const struct of Y.decodeUpdate(update).structs)
    if (struct instanceof Y.Item) inserted += struct.length;
  return inserted;
}

/**
 * Whether the document's text would stay within the cap with the update applied. Most updates are
 * a few keystrokes, so the bound settles it; an update that might not fit is tried on a copy.
 */
function fitsAfter(doc: Y.Doc, update: Uint8Array) {
  const length = doc.getText(TEXT).length;
  if (padEditFits(length, insertedAtMost(update))) return true;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return copy.getText(TEXT).length <= PAD_MAX_CHARACTERS;
}

/**
 * The pads' live documents: the server holds each open pad's Yjs document, loaded from its stored
 * edits on first use; binary frames are Yjs updates, applied, stored in arrival order (one promise
 * chain per pad) and relayed to the pad's other sockets. With a relay (several nodes), each stored
 * update is announced to the other nodes, and their updates are applied here and passed on to this
 * node's sockets: a candidate and an interviewer on different nodes edit one document.
 */
export async function liveDocuments(options: {
  /** A pad's stored history, oldest first. */
  history: (padId: string) => Promise<Pick<PadEventView, 'update'>[]>;
  /** Stores one update; called in the order the updates arrived. */
  save: (padId: string, author: string, update: Uint8Array) => Promise<unknown>;
  relay?: PadRelay;
}) {
  const live = new Map<string, Promise<Live>>();
  const { relay } = options;

  /** Brings an open document up to its stored history and passes what was new to its sockets. */
  async function reload(state: Live, padId: string) {
    const before = Y.encodeStateVector(state.doc);
    for (const event of await options.history(padId))
      if (event.update) Y.applyUpdate(state.doc, event.update, 'relay');
    const missing = Y.encodeStateAsUpdate(state.doc, before);
    for (const socket of state.sockets) if (socket.readyState === socket.OPEN) socket.send(missing);
  }

  function relayed(padId: string, message: RelayedMessage) {
    const entry = live.get(padId);
    if (!entry) return;
    void entry
      .then((state) => {
        if (message.kind === 'reload') return reload(state, padId);
        if (message.kind === 'update') Y.applyUpdate(state.doc, message.update, 'relay');
        const frame = message.kind === 'update' ? message.update : message.text;
        for (const socket of state.sockets) if (socket.readyState === socket.OPEN) socket.send(frame);
      })
      .catch(() => undefined);
  }

  await relay?.subscribe(relayed, () => {
    for (const [padId, entry] of live)
      void entry.then((state) => reload(state, padId)).catch(() => undefined);
  });

  function open(padId: string): Promise<Live> {
    let entry = live.get(padId);
    if (!entry) {
      entry = options.history(padId).then((events) => {
        const doc = new Y.Doc();
        for (const event of events) if (event.update) Y.applyUpdate(doc, event.update);
        return { doc, sockets: new Set<WebSocket>(), saving: Promise.resolve() };
      });
      live.set(padId, entry);
    }
    return entry;
  }

  function receive(state: Live, padId: string, author: string, socket: WebSocket, update: Uint8Array) {
    const store = state.doc.store as { pendingStructs: unknown; pendingDs: unknown };
    // Another node's update may wait on one not yet relayed; only this socket's own may be refused.
    const waiting = Boolean(store.pendingStructs || store.pendingDs);
    try {
      // Checked before it is applied: a refused update must leave nothing in the document.
      if (!fitsAfter(state.doc, update)) {
        socket.close(1009, 'the pad holds at most 100,000 characters');
        return;
      }
      Y.applyUpdate(state.doc, update, socket);
    } catch {
      socket.close(1003, 'not a Yjs update');
      return;
    }
    // Clients send their updates in order, so a valid one never waits on a missing one: an update
    // left pending does not belong to this document, and is dropped with its sender.
    if (!waiting && (store.pendingStructs || store.pendingDs)) {
      store.pendingStructs = null;
      store.pendingDs = null;
      socket.close(1003, 'not an update of this document');
      return;
    }
    // Stored in the order received, so a replay sees what everyone saw.
    state.saving = state.saving
      .then(() => options.save(padId, author, update))
      .then(() => relay?.publish(padId, { kind: 'update', update }))
      .catch(() => undefined);
    for (const other of state.sockets)
      if (other !== socket && other.readyState === other.OPEN) other.send(update);
  }

  const documents: PadDocuments = {
    firstEdit(text) {
      const doc = new Y.Doc();
      doc.getText(TEXT).insert(0, text);
      return Y.encodeStateAsUpdate(doc);
    },
    text: async (padId) => (await open(padId)).doc.getText(TEXT).toString(),
  };

  return {
    ...documents,
    /** Puts a socket on a pad: it gets the document, then every other editor's updates. */
    join(padId: string, author: string, socket: WebSocket) {
      // Listening starts at once: updates sent while the document loads wait for it, in order.
      const ready = open(padId).then((state) => {
        state.sockets.add(socket);
        socket.send(Y.encodeStateAsUpdate(state.doc));
        return state;
      });
      socket.on('message', (data, isBinary) => {
        if (!isBinary) return;
        const update = new Uint8Array(data as Buffer);
        void ready.then((state) => receive(state, padId, author, socket, update));
      });
      socket.on('close', () => {
        void ready.then((state) => state.sockets.delete(socket));
      });
    },
    /** Sends a JSON message to everyone on the pad. */
    async broadcast(padId: string, message: unknown) {
      const text = JSON.stringify(message);
      for (const socket of (await open(padId)).sockets)
        if (socket.readyState === socket.OPEN) socket.send(text);
      await relay?.publish(padId, { kind: 'message', text }).catch(() => undefined);
    },
    /** Waits for the pad's updates still being written. */
    async settled(padId: string) {
      await (await live.get(padId))?.saving;
    },
    async close() {
      await relay?.close();
      for (const entry of live.values()) for (const socket of (await entry).sockets) socket.terminate();
    },
  };
}

/** The session edit by edit: the text after each stored update, and each run. */
export function replay(events: PadEventView[]) {
  const doc = new Y.Doc();
  const frames = [];
  const runs = [];
  for (const event of events) {
    const at = event.at.toISOString();
    if (event.update) {
      Y.applyUpdate(doc, event.update);
      frames.push({ at, author: event.author, text: doc.getText(TEXT).toString() });
    } else runs.push({ at, author: event.author, detail: event.detail });
  }
  return { frames, runs };
}
