import type { Actor } from '../core/shared/types.js';

/** A JSON column's value; undefined stays undefined, so `given` leaves the column alone. */
export function json<T extends object>(value: T): string;
export function json<T extends object>(value: T | undefined): string | undefined;
export function json<T extends object>(value: T | null | undefined): string | null | undefined;
export function json(value: object | null | undefined) {
  return value === undefined ? undefined : value === null ? null : JSON.stringify(value);
}

/**
 * JSON of what a candidate's program produced (output, results): a program may print a zero byte,
 * which jsonb cannot hold, so it is kept as U+FFFD rather than refusing the answer.
 */
export const programJson = (value: object) =>
  JSON.stringify(value, (_key, v) => (typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : v));

/** The fields of a change that were given: an update sets only those, and leaves the rest alone. */
export const given = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

/** The id kept in `*_id` columns beside an actor kind; the system has none. */
export const actorId = (actor: Actor | { kind: 'system' }) =>
  actor.kind === 'staff'
    ? actor.userId
    : actor.kind === 'candidate'
      ? actor.candidateId
      : actor.kind === 'board'
        ? actor.boardId
        : null;
