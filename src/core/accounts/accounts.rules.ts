import type { StaffRole } from '../shared/types.js';

/**
 * An organisation always keeps one admin who can sign in: nobody else could give the role back.
 * True when taking `userId` out of the active admins (by disabling them or removing their role)
 * would leave none.
 */
export function leavesNoAdmin(activeAdmins: readonly string[], userId: string): boolean {
  return activeAdmins.includes(userId) && activeAdmins.length <= 1;
}

/** The fields of an edit that differ from the account, with what they were and what they become. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return Object.fromEntries(
    Object.entries(after)
      .filter(([key, value]) => value !== undefined && !same(before[key], value))
      .map(([key, value]) => [key, { from: before[key], to: value }]),
  ) as Record<string, { from: unknown; to: unknown }>;
}

/** Roles kept in one order, so an edit that lists them differently is no change. */
export const sortedRoles = (roles: readonly StaffRole[]) => [...new Set(roles)].sort();
