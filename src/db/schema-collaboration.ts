import type { ColumnType, Generated } from 'kysely';
import type { MergeMoved } from '../core/merges/merges.port.js';

type Json<T> = ColumnType<T, string, string>;

/** Notes, tags, saved views, the staff inbox and merges of duplicate people (migration 0022). */
export interface CollaborationTables {
  notes: {
    id: string;
    org_id: string;
    candidate_id: string;
    application_id: string | null;
    author_id: string;
    body: string;
    mentions: string[];
    version: Generated<number>;
    created_at: Date;
    edited_at: Date | null;
  };
  note_revisions: { note_id: string; org_id: string; version: number; body: string; written_at: Date };
  tags: { id: string; org_id: string; name: string; colour: string | null; created_at: Date };
  candidate_tags: {
    org_id: string;
    candidate_id: string;
    tag_id: string;
    added_by: string | null;
    added_at: Date;
  };
  saved_views: {
    id: string;
    org_id: string;
    owner_id: string;
    list: string;
    name: string;
    filters: Json<Record<string, unknown>>;
    shared: boolean;
    created_at: Date;
  };
  staff_notifications: {
    id: string;
    org_id: string;
    user_id: string;
    kind: string;
    title: string;
    body: string;
    link: string;
    dedupe_key: string;
    created_at: Date;
    read_at: Date | null;
  };
  staff_notification_settings: { user_id: string; org_id: string; email_kinds: string[]; updated_at: Date };
  candidate_merges: {
    id: string;
    org_id: string;
    kept_id: string;
    merged_id: string;
    status: string;
    moved: Json<MergeMoved>;
    created_by: string;
    created_at: Date;
    decided_by: string | null;
    decided_at: Date | null;
  };
}
