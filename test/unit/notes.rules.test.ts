import { describe, expect, it } from 'vitest';
import { noteAccess } from '../../src/core/feedback/feedback.rules.js';
import { defaultEmailKinds, emailRecipients } from '../../src/core/inbox/inbox.rules.js';
import { checkMergeable, overLimit } from '../../src/core/merges/merge.rules.js';
import type { Note } from '../../src/core/notes/notes.port.js';
import {
  checkEditable,
  checkMentions,
  editableUntil,
  excerpt,
  NOTE_EDIT_MINUTES,
} from '../../src/core/notes/notes.rules.js';
import type { Actor, StaffRole } from '../../src/core/shared/types.js';
import { parseInline, parseNote, safeHref } from '../../src/web/features/notes/markdown.js';

const staff = (...roles: StaffRole[]): Actor => ({
  kind: 'staff',
  orgId: 'o',
  userId: 'u',
  roles,
  teamIds: [],
});

describe('note rules', () => {
  it('R-FB-3: the hiring team always reads notes; an interviewer with feedback due reads none; readers without a panel seat read them', () => {
    expect(noteAccess(staff('hiring_manager'), 'pending', true)).toBe('all');
    expect(noteAccess(staff('recruiter'), 'none', true)).toBe('all');
    expect(noteAccess(staff('interviewer'), 'pending', false)).toBe('withheld');
    expect(noteAccess(staff('interviewer'), 'submitted', false)).toBe('all');
    expect(noteAccess(staff('interviewer'), 'none', false)).toBe('none');
    // A coordinator on the panel waits like any interviewer.
    expect(noteAccess(staff('coordinator'), 'pending', true)).toBe('withheld');
    expect(noteAccess(staff('coordinator'), 'none', true)).toBe('all');
  });

  const note: Note = {
    id: 'n',
    orgId: 'o',
    candidateId: 'c',
    applicationId: null,
    authorId: 'u',
    body: 'x',
    mentions: [],
    version: 2,
    createdAt: new Date('2026-03-02T09:00:00Z'),
    editedAt: null,
  };
  it(`the author edits for ${NOTE_EDIT_MINUTES} minutes, at the version they read`, () => {
    expect(editableUntil(note).toISOString()).toBe('2026-03-02T09:15:00.000Z');
    expect(checkEditable(note, 'u', 2, new Date('2026-03-02T09:15:00Z')).ok).toBe(true);
    const late = checkEditable(note, 'u', 2, new Date('2026-03-02T09:15:01Z'));
    expect(!late.ok && late.error.details?.reason).toBe('window_closed');
    const other = checkEditable(note, 'someone else', 2, new Date('2026-03-02T09:01:00Z'));
    expect(!other.ok && other.error.details?.reason).toBe('not_author');
    const stale = checkEditable(note, 'u', 1, new Date('2026-03-02T09:01:00Z'));
    expect(!stale.ok && stale.error.code).toBe('conflict.stale_version');
  });

  it('mentions must name staff; excerpts drop the markup', () => {
    expect(checkMentions(['a'], [{ id: 'a' }]).ok).toBe(true);
    const unknown = checkMentions(['a', 'b'], [{ id: 'a' }]);
    expect(!unknown.ok && unknown.error.details?.unknown).toEqual(['b']);
    expect(excerpt('**Bold** and [a link](https://x.example) for @ann_lee')).toBe(
      'Bold and a link for @ann_lee',
    );
    expect(excerpt('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('inbox and merge rules', () => {
  it('email goes to those who chose the kind, or by default for mentions, replies and approvals', () => {
    const choices = new Map([['hm', ['reply' as const]]]);
    expect(emailRecipients(['hm', 'hr'], 'mention', choices)).toEqual(['hr']);
    expect(emailRecipients(['hm', 'hr'], 'reply', choices)).toEqual(['hm', 'hr']);
    expect(emailRecipients(['hr'], 'feedback_due', choices)).toEqual([]);
    expect(defaultEmailKinds).toEqual(['mention', 'reply', 'approval']);
  });

  it('merges two live people; reports families over their limit', () => {
    const live = (id: string) => ({ id, mergedInto: null, erased: false });
    expect(checkMergeable('a', 'b', [live('a'), live('b')]).ok).toBe(true);
    const same = checkMergeable('a', 'a', [live('a')]);
    expect(!same.ok && same.error.code).toBe('merge.invalid');
    const gone = checkMergeable('a', 'b', [live('a'), { id: 'b', mergedInto: 'c', erased: false }]);
    expect(!gone.ok && gone.error.details?.field).toBe('mergedId');
    const missing = checkMergeable('a', 'b', [live('a')]);
    expect(!missing.ok && missing.error.code).toBe('candidate.not_found');
    expect(
      overLimit([
        { jobFamily: 'internship', open: 2, limit: 2 },
        { jobFamily: 'full_time', open: 5, limit: null },
      ]),
    ).toEqual([]);
    expect(overLimit([{ jobFamily: 'internship', open: 3, limit: 2 }])[0]).toMatchObject({
      active: 3,
      limit: 2,
    });
  });
});

describe('Markdown-lite', () => {
  it('bold, italics, links, mentions and lists become a tree; nothing becomes HTML', () => {
    expect(parseInline('**Go** and *Rust* or _C_', [])).toEqual([
      { kind: 'bold', children: [{ kind: 'text', text: 'Go' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'Rust' }] },
      { kind: 'text', text: ' or ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'C' }] },
    ]);
    expect(parseInline('ask @Ann Lee now', ['Ann', 'Ann Lee'])).toEqual([
      { kind: 'text', text: 'ask ' },
      { kind: 'mention', name: 'Ann Lee' },
      { kind: 'text', text: ' now' },
    ]);
    // An email address is not a mention.
    expect(parseInline('ann@Ann', ['Ann'])).toEqual([{ kind: 'text', text: 'ann@Ann' }]);
    expect(parseNote('Plan:\n- one\n- **two**\n\n1. first\n2. second')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Plan:' }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ kind: 'text', text: 'one' }],
          [{ kind: 'bold', children: [{ kind: 'text', text: 'two' }] }],
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]],
      },
    ]);
  });

  it('keeps only http(s) and mailto links; script, data and HTML stay text', () => {
    expect(parseInline('[cv](https://x.example/cv.pdf)')).toEqual([
      { kind: 'link', href: 'https://x.example/cv.pdf', children: [{ kind: 'text', text: 'cv' }] },
    ]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'click' },
      { kind: 'text', text: ')' },
    ]);
    expect(safeHref('data:text/html,<b>')).toBeNull();
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
