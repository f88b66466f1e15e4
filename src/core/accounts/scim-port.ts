export interface ScimGroup {
  id: string;
  orgId: string;
  displayName: string;
  externalId: string | null;
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ScimRepository {
  insertToken(token: {
    id: string;
    orgId: string;
    tokenHash: string;
    name: string;
    createdBy: string;
    createdAt: Date;
  }): Promise<void>;
  deleteToken(orgId: string, id: string): Promise<boolean>;
  /** The organisation a SCIM token belongs to, noting its use. */
  useToken(tokenHash: string, now: Date): Promise<{ orgId: string; tokenId: string } | null>;
  group(orgId: string, id: string): Promise<ScimGroup | null>;
  groupByName(orgId: string, displayName: string): Promise<{ id: string } | null>;
  insertGroup(group: Omit<ScimGroup, 'memberIds' | 'updatedAt'>): Promise<void>;
  updateGroup(
    orgId: string,
    id: string,
    change: { displayName?: string; externalId?: string | null },
    at: Date,
  ): Promise<void>;
  deleteGroup(orgId: string, id: string): Promise<boolean>;
  /** Adds and removes members among the organisation's users; answers the ids whose membership changed. */
  changeMembers(
    orgId: string,
    groupId: string,
    change: { add?: string[]; remove?: string[]; set?: string[] },
  ): Promise<string[]>;
  groupNamesOf(userId: string): Promise<string[]>;
  /** Marks a user deleted for SCIM (null: brought back). */
  setScimDeleted(orgId: string, userId: string, at: Date | null): Promise<void>;
  isScimDeleted(orgId: string, userId: string): Promise<boolean>;
}
