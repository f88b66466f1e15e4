import { describe, expect, it } from 'vitest';
import { methodsOf, mfaRequiredFor } from '../../src/core/accounts/mfa-requirement.js';
import { isPatchError, readGroupPatch, readUserPatch } from '../../src/core/accounts/scim-patch.js';
import { grantsOf } from '../../src/core/accounts/sso-roles.js';
import { parseFilter } from '../../src/server/scim/resources.js';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('who must use a second factor', () => {
  it('none, admins and HR, or all staff', () => {
    expect(mfaRequiredFor('none', ['admin'])).toBe(false);
    expect(mfaRequiredFor('admins_hr', ['recruiter', 'hr'])).toBe(true);
    expect(mfaRequiredFor('admins_hr', ['recruiter', 'interviewer'])).toBe(false);
    expect(mfaRequiredFor('all', ['interviewer'])).toBe(true);
  });
  it('recovery codes finish a sign-in only beside a real factor', () => {
    expect(methodsOf({ totp: true, passkeys: 1, recoveryCodes: 3 })).toEqual([
      'totp',
      'passkey',
      'recovery_code',
    ]);
    expect(methodsOf({ totp: false, passkeys: 0, recoveryCodes: 3 })).toEqual([]);
  });
});

describe('group mappings', () => {
  const mappings = [
    { group: 'recruiting', roles: ['recruiter' as const], teamIds: ['a'] },
    { group: 'hr', roles: ['hr' as const, 'recruiter' as const], teamIds: ['a', 'b'] },
  ];
  it('grant the union of the mapped groups a person is in', () => {
    expect(grantsOf(['recruiting', 'hr', 'other'], mappings)).toEqual({
      roles: ['recruiter', 'hr'],
      teamIds: ['a', 'b'],
    });
  });
  it('grant nothing (null) when no group is mapped', () => {
    expect(grantsOf(['other'], mappings)).toBeNull();
  });
});

describe('SCIM PATCH as providers send it', () => {
  it("Okta's value object without a path", () => {
    expect(
      readUserPatch({ schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] }),
    ).toEqual({
      active: false,
    });
  });
  it("Entra's capitalised op, string boolean and attribute paths", () => {
    const change = readUserPatch({
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Add', path: 'name.givenName', value: 'Jane' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'jane@example.com' },
        { op: 'Add', path: 'title', value: 'ignored' },
      ],
    });
    expect(change).toEqual({ active: false, givenName: 'Jane', userName: 'jane@example.com' });
  });
  it('refuses an unknown op and an empty list', () => {
    expect(isPatchError(readUserPatch({ Operations: [{ op: 'move', path: 'active' }] }))).toBe(true);
    expect(isPatchError(readUserPatch({ Operations: [] }))).toBe(true);
  });
  it('group members added, removed by filter or by value, replaced', () => {
    expect(
      readGroupPatch({
        Operations: [
          { op: 'add', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] },
          { op: 'remove', path: 'members[value eq "u3"]' },
          { op: 'Remove', path: 'members', value: [{ value: 'u4' }] },
          { op: 'replace', value: { id: 'g', displayName: 'New name' } },
        ],
      }),
    ).toEqual({ add: ['u1', 'u2'], remove: ['u3', 'u4'], displayName: 'New name' });
    expect(
      readGroupPatch({ Operations: [{ op: 'replace', path: 'members', value: [{ value: 'u9' }] }] }),
    ).toEqual({
      add: [],
      remove: [],
      set: ['u9'],
    });
    expect(isPatchError(readGroupPatch({ Operations: [{ op: 'replace', path: 'owner', value: 'x' }] }))).toBe(
      true,
    );
  });
});

describe('SCIM filters', () => {
  it('reads `attribute eq "value"`, with escaped quotes, and refuses the rest', () => {
    expect(parseFilter('userName eq "a@b.c"')).toEqual({ attribute: 'userName', value: 'a@b.c' });
    expect(parseFilter('externalid EQ "x\\"y"')).toEqual({ attribute: 'externalId', value: 'x"y' });
    expect(parseFilter(undefined)).toBeNull();
    expect(parseFilter('userName sw "a"')).toBe('invalid');
    expect(parseFilter('title eq "a"')).toBe('invalid');
  });
});
