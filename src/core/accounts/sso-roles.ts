import type { StaffRole } from '../shared/types.js';
import type { GroupMapping } from './sso-port.js';

/**
 * What a person's directory groups grant: the union of the roles and teams of every mapped group
 * they are in, or null when none of their groups is mapped (the caller then keeps what they had,
 * or gives a new person the default roles).
 */
export function grantsOf(groups: readonly string[], mappings: readonly GroupMapping[]) {
  const mine = mappings.filter((mapping) => groups.includes(mapping.group));
  if (!mine.length) return null;
  const roles = [...new Set(mine.flatMap((mapping) => mapping.roles))] as StaffRole[];
  const teamIds = [...new Set(mine.flatMap((mapping) => mapping.teamIds))];
  return { roles, teamIds };
}
