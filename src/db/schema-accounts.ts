import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** Tables of second factors, single sign-on and SCIM provisioning (migration 0020_sso_mfa). */
export interface AccountSecurityTables {
  mfa_totp: {
    user_id: string;
    org_id: string;
    secret_enc: string;
    confirmed_at: Date | null;
    last_time_step: ColumnType<string | null, number | null, number | null>;
    created_at: Date;
  };
  mfa_recovery_codes: { user_id: string; code_hash: string; used_at: Date | null };
  webauthn_credentials: {
    id: string;
    user_id: string;
    org_id: string;
    public_key: string;
    counter: ColumnType<string, number, number>;
    transports: string[];
    name: string;
    created_at: Date;
    last_used_at: Date | null;
  };
  auth_challenges: {
    token_hash: string;
    org_id: string;
    user_id: string | null;
    kind: 'second_factor' | 'enrolment' | 'passkey_registration' | 'passkey_sign_in' | 'oidc';
    data: Json<Record<string, unknown>>;
    created_at: Date;
    expires_at: Date;
  };
  sso_connections: {
    org_id: string;
    display_name: string;
    issuer: string;
    client_id: string;
    client_secret_enc: string;
    default_roles: string[];
    groups_claim: Generated<string>;
    enabled: Generated<boolean>;
    updated_at: Date;
  };
  sso_identities: { org_id: string; issuer: string; subject: string; user_id: string; created_at: Date };
  group_mappings: { org_id: string; group_name: string; roles: string[]; team_ids: string[] };
  scim_tokens: {
    id: string;
    org_id: string;
    token_hash: string;
    name: string;
    created_by: string;
    created_at: Date;
    last_used_at: Date | null;
  };
  scim_groups: {
    id: string;
    org_id: string;
    display_name: string;
    external_id: string | null;
    created_at: Date;
    updated_at: Date;
  };
  scim_group_members: { group_id: string; user_id: string };
}

/** Password resets and API tokens (migration 0019): secrets kept only as SHA-256 hashes. */
export interface AccountTables {
  password_resets: {
    token_hash: string;
    org_id: string;
    user_id: string;
    created_at: Date;
    expires_at: Date;
    used_at: Date | null;
  };
  api_tokens: {
    id: string;
    org_id: string;
    kind: 'personal' | 'organisation';
    user_id: string;
    name: string;
    token_hash: string;
    prefix: string;
    scopes: string[];
    created_at: Date;
    expires_at: Date | null;
    last_used_at: Date | null;
    last_used_address: string | null;
    revoked_at: Date | null;
  };
}
