import type { Store } from '../shared/ports.js';

/** True when every id names a team of the organisation. */
export async function teamsExist(store: Pick<Store, 'teams'>, orgId: string, teamIds: string[]) {
  for (const id of new Set(teamIds)) if (!(await store.teams.exists(orgId, id))) return false;
  return true;
}
