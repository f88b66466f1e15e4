import { describe, expect, it } from 'vitest';
import { changedFields, leavesNoAdmin } from '../../src/core/accounts/accounts.rules.js';
import { passwordProblem } from '../../src/core/accounts/password.rules.js';
import {
  isAllowed,
  permissions,
  scopeNames,
  scopesFor,
  sessionOnlyActions,
  tokenScopes,
} from '../../src/core/shared/permissions.js';
import type { Actor } from '../../src/core/shared/types.js';
import { newPasswordProblem } from '../../src/server/passwords.js';

const none = { isCommon: () => false, personal: [] };

describe('new passwords (ASVS V2.1)', () => {
  it('needs 12 characters after runs of spaces become one, and at most 128', () => {
    expect(passwordProblem('elevenchars', none)?.code).toBe('password.too_short');
    expect(passwordProblem('a          b', none)?.code).toBe('password.too_short');
    expect(passwordProblem('twelve chars', none)).toBeNull();
    expect(passwordProblem('xy'.repeat(32), none)).toBeNull();
    expect(passwordProblem('ab'.repeat(64), none)).toBeNull();
    expect(passwordProblem(`${'ab'.repeat(64)}c`, none)?.code).toBe('password.too_long');
    // Characters, not UTF-16 units: twelve emoji are twelve characters.
    expect(passwordProblem('🙂🌊'.repeat(6), none)).toBeNull();
    expect(passwordProblem('🙂🌊'.repeat(5), none)?.code).toBe('password.too_short');
  });

  it('refuses the shipped breached list whatever the case or spaces, the account’s words, and one repeated character', () => {
    expect(newPasswordProblem('password1234', [])?.code).toBe('password.too_common');
    expect(newPasswordProblem('PassWord1234', [])?.code).toBe('password.too_common');
    expect(newPasswordProblem('qwerty 123456', [])?.code).toBe('password.too_common');
    expect(newPasswordProblem('aaaaaaaaaaaaaa', [])?.code).toBe('password.too_common');
    expect(newPasswordProblem('ada.lovelace', ['ada.lovelace@example.com'])?.code).toBe(
      'password.too_common',
    );
    expect(newPasswordProblem('tiktok tiktok', ['tiktok tiktok'])?.code).toBe('password.too_common');
    expect(newPasswordProblem('hireloop-demo', [])).toBeNull();
    expect(newPasswordProblem('correct horse battery staple', [])).toBeNull();
  });
});

describe('staff accounts', () => {
  it('the last active admin cannot be taken away', () => {
    expect(leavesNoAdmin(['a'], 'a')).toBe(true);
    expect(leavesNoAdmin(['a', 'b'], 'a')).toBe(false);
    expect(leavesNoAdmin(['a'], 'b')).toBe(false);
  });

  it('an edit records only what changed', () => {
    expect(changedFields({ name: 'A', roles: ['hr'] }, { name: 'A', roles: ['admin'] })).toEqual({
      roles: { from: ['hr'], to: ['admin'] },
    });
  });
});

describe('API token scopes (ADR 0015)', () => {
  it('every action but token management is in exactly one scope', () => {
    const inScopes = scopeNames.flatMap((scope) => [...tokenScopes[scope]]);
    expect(new Set(inScopes).size).toBe(inScopes.length);
    expect([...inScopes, ...sessionOnlyActions].sort()).toEqual(Object.keys(permissions).sort());
  });

  it('a token needs both the scope and a role that allows the action', () => {
    const base: Actor = { kind: 'staff', orgId: 'o', userId: 'u', roles: ['recruiter'], teamIds: [] };
    const token = (scopes: string[]) => ({
      ...base,
      token: { tokenId: 't', kind: 'personal' as const, scopes },
    });
    expect(isAllowed(token(['candidates:read']), 'candidate.read')).toBe(true);
    expect(isAllowed(token(['candidates:read']), 'application.create')).toBe(false);
    expect(isAllowed(token(['offers:write']), 'offer.approve')).toBe(false); // recruiters do not approve
    expect(isAllowed(token([...scopeNames]), 'token.manage')).toBe(false);
    expect(isAllowed(token(['nonsense']), 'candidate.read')).toBe(false);
    expect(scopesFor(['interviewer'])).not.toContain('offers:write');
    expect(scopesFor(['admin'])).toContain('audit:read');
  });
});
