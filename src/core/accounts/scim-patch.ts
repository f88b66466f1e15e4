/**
 * SCIM PATCH (RFC 7644 §3.5.2) as Okta and Microsoft Entra send it, read into plain changes. Entra
 * capitalises `op` ("Replace") and sends booleans as strings ("False"); Okta sends a value object
 * without a path. Attributes the product does not keep (title, addresses, …) are ignored.
 */
export interface UserChange {
  active?: boolean;
  userName?: string;
  externalId?: string | null;
  givenName?: string;
  familyName?: string;
  formatted?: string;
  displayName?: string;
}
export interface GroupChange {
  displayName?: string;
  externalId?: string | null;
  add: string[];
  remove: string[];
  /** Replaces every member. */
  set?: string[];
}

export type PatchError = { scimType: 'invalidSyntax' | 'invalidPath' | 'invalidValue'; detail: string };
type Op = { op?: unknown; path?: unknown; value?: unknown };

const opOf = (op: Op) => (typeof op.op === 'string' ? op.op.toLowerCase() : '');
const bool = (value: unknown) =>
  typeof value === 'boolean' ? value : typeof value === 'string' ? value.toLowerCase() === 'true' : undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function operations(body: unknown): Op[] | PatchError {
  const ops = (body as { Operations?: unknown })?.Operations;
  if (!Array.isArray(ops) || ops.length === 0) {
    return { scimType: 'invalidSyntax', detail: 'Operations must be a non-empty list.' };
  }
  const bad = ops.find((op) => !['add', 'replace', 'remove'].includes(opOf(op as Op)));
  if (bad) return { scimType: 'invalidSyntax', detail: `Unknown op ${JSON.stringify((bad as Op).op)}.` };
  return ops as Op[];
}

function setUserAttribute(change: UserChange, path: string, value: unknown) {
  const key = path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/, '');
  if (key === 'active') change.active = bool(value);
  else if (key === 'userName') change.userName = text(value);
  else if (key === 'externalId') change.externalId = text(value) ?? null;
  else if (key === 'displayName') change.displayName = text(value);
  else if (key === 'name.givenName') change.givenName = text(value);
  else if (key === 'name.familyName') change.familyName = text(value);
  else if (key === 'name.formatted') change.formatted = text(value);
  else if (key === 'name' && value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) setUserAttribute(change, `name.${k}`, v);
  } else if (/^emails(\[.*\])?(\.value)?$/.test(key)) {
    const first = Array.isArray(value) ? (value[0] as { value?: unknown })?.value : value;
    if (text(first) && !change.userName) change.userName = text(first);
  }
}

export function readUserPatch(body: unknown): UserChange | PatchError {
  const ops = operations(body);
  if (!Array.isArray(ops)) return ops;
  const change: UserChange = {};
  for (const op of ops) {
    if (opOf(op) === 'remove') continue;
    if (typeof op.path === 'string') setUserAttribute(change, op.path, op.value);
    else if (op.value && typeof op.value === 'object') {
      for (const [key, value] of Object.entries(op.value)) setUserAttribute(change, key, value);
    } else return { scimType: 'invalidSyntax', detail: 'An operation without a path needs an object value.' };
  }
  return change;
}

const memberIds = (value: unknown) =>
  (Array.isArray(value) ? value : [value])
    .map((member) => text((member as { value?: unknown })?.value))
    .filter((id): id is string => Boolean(id));

export function readGroupPatch(body: unknown): GroupChange | PatchError {
  const ops = operations(body);
  if (!Array.isArray(ops)) return ops;
  const change: GroupChange = { add: [], remove: [] };
  for (const op of ops) {
    const kind = opOf(op);
    const path = typeof op.path === 'string' ? op.path : '';
    const filtered = /^members\[value eq "([^"]+)"\]$/.exec(path);
    if (filtered?.[1] && kind === 'remove') change.remove.push(filtered[1]);
    else if (path === 'members') {
      if (kind === 'add') change.add.push(...memberIds(op.value));
      else if (kind === 'remove') {
        if (op.value === undefined) change.set = [];
        else change.remove.push(...memberIds(op.value));
      } else change.set = memberIds(op.value);
    } else if (path === 'displayName' && kind !== 'remove') change.displayName = text(op.value);
    else if (path === 'externalId') change.externalId = kind === 'remove' ? null : (text(op.value) ?? null);
    else if (!path && op.value && typeof op.value === 'object') {
      const value = op.value as { displayName?: unknown; members?: unknown; externalId?: unknown };
      if (text(value.displayName)) change.displayName = text(value.displayName);
      if (value.externalId !== undefined) change.externalId = text(value.externalId) ?? null;
      if (value.members !== undefined) {
        if (kind === 'add') change.add.push(...memberIds(value.members));
        else change.set = memberIds(value.members);
      }
    } else if (path && !/^(id|meta.*|schemas)$/.test(path)) {
      return { scimType: 'invalidPath', detail: `Groups have no attribute ${path}.` };
    }
  }
  if (change.displayName !== undefined && !change.displayName.trim()) {
    return { scimType: 'invalidValue', detail: 'displayName cannot be empty.' };
  }
  return change;
}

export const isPatchError = (value: unknown): value is PatchError =>
  Boolean(value && typeof value === 'object' && 'scimType' in value && 'detail' in value);
