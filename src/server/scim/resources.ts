import type { UserChange } from '../../core/accounts/scim-patch.js';

/** RFC 7643/7644 shapes: resources, list responses, errors and the discovery documents. */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const MAX_RESULTS = 200;

export type ScimType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'invalidValue'
  | 'uniqueness'
  | 'tooMany';

export const scimError = (status: number, detail: string, scimType?: ScimType) => ({
  schemas: [ERROR_SCHEMA],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail,
});

export function listResponse<T>(resources: T[], total: number, startIndex: number) {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** `userName eq "x"`, `externalId eq "x"`, `displayName eq "x"`, `id eq "x"`; null when absent. */
export function parseFilter(filter: string | undefined) {
  if (filter === undefined || filter.trim() === '') return null;
  const match = /^\s*(userName|externalId|displayName|id)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (!match?.[1] || match[2] === undefined) return 'invalid' as const;
  const attribute = (['userName', 'externalId', 'displayName', 'id'] as const).find(
    (a) => a.toLowerCase() === match[1]?.toLowerCase(),
  );
  return attribute ? { attribute, value: match[2].replace(/\\(.)/g, '$1') } : ('invalid' as const);
}

export function page(query: { startIndex?: number; count?: number }) {
  return {
    startIndex: Math.max(1, query.startIndex ?? 1),
    count: Math.min(MAX_RESULTS, Math.max(0, query.count ?? 100)),
  };
}

const splitName = (name: string) => {
  const [givenName = '', ...rest] = name.trim().split(/\s+/);
  return { formatted: name, givenName, familyName: rest.join(' ') };
};

export function userResource(
  base: string,
  row: {
    id: string;
    email: string;
    name: string;
    external_id: string | null;
    disabled_at: Date | null;
    created_at: Date;
  },
  groups: { id: string; display_name: string }[],
) {
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    userName: row.email,
    name: splitName(row.name),
    displayName: row.name,
    emails: [{ value: row.email, type: 'work', primary: true }],
    active: !row.disabled_at,
    groups: groups.map((g) => ({ value: g.id, display: g.display_name, $ref: `${base}/Groups/${g.id}` })),
    meta: {
      resourceType: 'User',
      created: row.created_at.toISOString(),
      lastModified: row.created_at.toISOString(),
      location: `${base}/Users/${row.id}`,
    },
  };
}

export function groupResource(
  base: string,
  row: { id: string; display_name: string; external_id: string | null; created_at: Date; updated_at: Date },
  members: { id: string; name: string }[] | null,
) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    displayName: row.display_name,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    ...(members
      ? { members: members.map((m) => ({ value: m.id, display: m.name, $ref: `${base}/Users/${m.id}` })) }
      : {}),
    meta: {
      resourceType: 'Group',
      created: row.created_at.toISOString(),
      lastModified: row.updated_at.toISOString(),
      location: `${base}/Groups/${row.id}`,
    },
  };
}

/** A full User (POST, PUT) read into the same changes a PATCH makes. */
export function userChangeOf(body: Record<string, unknown>): UserChange {
  const name = (body.name ?? {}) as Record<string, unknown>;
  const emails = Array.isArray(body.emails) ? (body.emails as { value?: unknown; primary?: unknown }[]) : [];
  const email = emails.find((e) => e.primary === true)?.value ?? emails[0]?.value;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const active = body.active;
  return {
    userName: text(body.userName) ?? text(email),
    ...(body.externalId !== undefined ? { externalId: text(body.externalId) ?? null } : {}),
    givenName: text(name.givenName),
    familyName: text(name.familyName),
    formatted: text(name.formatted),
    displayName: text(body.displayName),
    ...(active !== undefined ? { active: active === true || String(active).toLowerCase() === 'true' } : {}),
  };
}

export const serviceProviderConfig = (docs: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  documentationUri: docs,
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: MAX_RESULTS },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'OAuth Bearer Token',
      description:
        'A SCIM token an admin created in Hireloop (Admin → Security), sent as Authorization: Bearer',
      primary: true,
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: '/scim/v2/ServiceProviderConfig' },
});

const attribute = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

export const schemas = [
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: USER_SCHEMA,
    name: 'User',
    description: 'A staff member',
    attributes: [
      attribute('userName', 'string', { required: true, uniqueness: 'server' }),
      attribute('name', 'complex', {
        subAttributes: ['formatted', 'givenName', 'familyName'].map((n) => attribute(n, 'string')),
      }),
      attribute('displayName', 'string'),
      attribute('emails', 'complex', { multiValued: true, subAttributes: [attribute('value', 'string')] }),
      attribute('active', 'boolean'),
      attribute('externalId', 'string', { caseExact: true }),
      attribute('groups', 'complex', { multiValued: true, mutability: 'readOnly' }),
    ],
    meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${USER_SCHEMA}` },
  },
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: GROUP_SCHEMA,
    name: 'Group',
    description: 'A directory group; its mapping (Admin → Security) grants roles and teams',
    attributes: [
      attribute('displayName', 'string', { required: true, uniqueness: 'server' }),
      attribute('externalId', 'string', { caseExact: true }),
      attribute('members', 'complex', { multiValued: true, subAttributes: [attribute('value', 'string')] }),
    ],
    meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${GROUP_SCHEMA}` },
  },
];

export const resourceTypes = [
  { id: 'User', name: 'User', endpoint: '/Users', schema: USER_SCHEMA },
  { id: 'Group', name: 'Group', endpoint: '/Groups', schema: GROUP_SCHEMA },
].map((type) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
  ...type,
  meta: { resourceType: 'ResourceType', location: `/scim/v2/ResourceTypes/${type.id}` },
}));
