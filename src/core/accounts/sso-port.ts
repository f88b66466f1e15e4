import type { StaffRole } from '../shared/types.js';

export interface SsoConnection {
  orgId: string;
  /** What the sign-in button says: "Sign in with <displayName>". */
  displayName: string;
  issuer: string;
  clientId: string;
  /** Encrypted by the server with its SECRETS_KEY; the core never sees the secret. */
  clientSecretEnc: string;
  defaultRoles: StaffRole[];
  groupsClaim: string;
  enabled: boolean;
}

/** An identity provider's group (or a SCIM group) and what it grants. */
export interface GroupMapping {
  group: string;
  roles: StaffRole[];
  teamIds: string[];
}

export interface DirectoryUser {
  id: string;
  orgId: string;
  email: string;
  name: string;
  roles: StaffRole[];
  teamIds: string[];
  externalId: string | null;
  disabledAt: Date | null;
}

export interface SsoRepository {
  connection(orgId: string): Promise<SsoConnection | null>;
  putConnection(connection: SsoConnection, at: Date): Promise<void>;
  mappings(orgId: string): Promise<GroupMapping[]>;
  replaceMappings(orgId: string, mappings: GroupMapping[]): Promise<void>;
  /** The teams among these ids that belong to the organisation. */
  existingTeams(orgId: string, teamIds: string[]): Promise<string[]>;
  userByIdentity(orgId: string, issuer: string, subject: string): Promise<DirectoryUser | null>;
  userByEmail(orgId: string, email: string): Promise<DirectoryUser | null>;
  userById(orgId: string, userId: string): Promise<DirectoryUser | null>;
  linkIdentity(link: {
    orgId: string;
    issuer: string;
    subject: string;
    userId: string;
    at: Date;
  }): Promise<void>;
  /** Creates a staff user without a password (they sign in through the identity provider). */
  insertUser(user: Omit<DirectoryUser, 'disabledAt'> & { timezone: string; at: Date }): Promise<void>;
  updateUser(
    orgId: string,
    userId: string,
    change: Partial<Pick<DirectoryUser, 'email' | 'name' | 'roles' | 'teamIds' | 'externalId'>>,
  ): Promise<void>;
  enableUser(orgId: string, userId: string): Promise<void>;
  orgTimezone(orgId: string): Promise<string>;
}
