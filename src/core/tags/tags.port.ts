import type { ListFilter } from '../../contracts/views.js';

export interface Tag {
  id: string;
  orgId: string;
  name: string;
  colour: string | null;
  createdAt: Date;
}

export interface View {
  id: string;
  orgId: string;
  ownerId: string;
  list: 'candidates' | 'screening' | 'pipeline' | 'decisions';
  name: string;
  filters: ListFilter;
  shared: boolean;
  createdAt: Date;
}

/** Tags, who carries them, candidates' owners and saved views. */
export interface TagsRepository {
  byName(orgId: string, name: string): Promise<Tag | null>;
  get(orgId: string, id: string): Promise<Tag | null>;
  insert(tag: Tag): Promise<void>;
  update(orgId: string, id: string, patch: { name?: string; colour?: string | null }): Promise<Tag>;
  /** Takes the tag off every candidate and deletes it; answers how many candidates carried it. */
  delete(orgId: string, id: string): Promise<number>;
  /** Saved views whose filter names the tag. */
  viewsFilteringOn(orgId: string, tagId: string): Promise<View[]>;
  setViewFilters(orgId: string, viewId: string, filters: ListFilter): Promise<void>;
  /** Of the ids, those that are candidates of the organisation (not merged away). */
  candidatesIn(orgId: string, candidateIds: string[]): Promise<string[]>;
  /** Adds the tag to each candidate (already tagged ones are left); answers how many were added. */
  add(orgId: string, tagId: string, candidateIds: string[], by: string, at: Date): Promise<number>;
  remove(orgId: string, tagId: string, candidateIds: string[]): Promise<number>;
  setOwner(orgId: string, candidateId: string, ownerId: string | null): Promise<void>;
  staffExists(orgId: string, userId: string): Promise<boolean>;
  insertView(view: View): Promise<void>;
  view(orgId: string, id: string): Promise<View | null>;
  /** The owner's view of a list with this name, whatever its case. */
  viewNamed(orgId: string, ownerId: string, list: View['list'], name: string): Promise<View | null>;
  deleteView(orgId: string, id: string): Promise<void>;
}
