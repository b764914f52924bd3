import { createContext, useContext } from 'react';
import type { Role } from '@qihe/domain';
import type { Backend } from '../api/backend';

export interface Session {
  token: string;
  username: string;
  role: Role;
  unitId: string;
  backend: Backend;
  /** Set when signed in at a site. */
  siteId?: string;
}

const key = (apiBase: string): string => `qihe.session:${apiBase || 'same-origin'}`;

export function loadSession(apiBase: string): Session | null {
  try {
    const raw = window.localStorage.getItem(key(apiBase));
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(apiBase: string, session: Session | null): void {
  if (session) window.localStorage.setItem(key(apiBase), JSON.stringify(session));
  else window.localStorage.removeItem(key(apiBase));
}

export interface SessionContextValue {
  session: Session;
  signOut: (reason?: string) => void;
  /** The API's base URL ('' = same origin), for requests outside GraphQL (CSV export). */
  apiBase?: string;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside a signed-in screen');
  return v;
}

/** The views a role is offered here. The server still decides what it may read. */
export type View = 'agent' | 'unit' | 'commitments' | 'follow-ups' | 'live';

export function viewsFor(session: Pick<Session, 'role' | 'backend'>): View[] {
  if (session.backend === 'site') return ['agent'];
  switch (session.role) {
    case 'EXECUTIVE':
    case 'ADMIN':
    case 'UNIT_HEAD':
      return ['unit', 'commitments', 'follow-ups', 'live'];
    case 'AGENT':
      // An agent reads no scores; at the gateway it works its unit's follow-ups.
      return ['follow-ups'];
  }
}
