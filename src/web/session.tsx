import { createContext, useContext } from 'react';
import type { Me, StaffMe } from './types';

/** Who is signed in, from `GET /api/auth/session`; the app provides it once it knows. */
export const SessionContext = createContext<Me | null>(null);

export function useStaff(): StaffMe {
  const me = useContext(SessionContext);
  if (me?.kind !== 'staff') throw new Error('a staff screen outside a staff session');
  return me;
}

/** Whether the permission table lets this person do `action`; the server still checks. */
export const can = (me: StaffMe, action: string) => me.can.includes(action);
