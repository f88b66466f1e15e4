import type { DomainError, ErrorCode } from '../../contracts/errors.js';

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = <C extends ErrorCode>(
  code: C,
  message: string,
  details?: Record<string, unknown>,
): Result<never, DomainError<C>> => ({
  ok: false,
  error: { code, message, ...(details ? { details } : {}) },
});
