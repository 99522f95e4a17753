import type { Db } from '@ansinh/db/client';
import type { FacilityScope, Role } from '@ansinh/domain/roles';
import type { ApiConfig } from './config.ts';

export interface RequestMeta {
  requestId: string;
  ip: string;
  /** `scheme://host[:port]` the request was addressed to, as seen by the browser. */
  ownOrigin: string;
  origin: string | undefined;
  referer: string | undefined;
  userAgent: string | undefined;
}

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  facilityIds: string[];
  scope: FacilityScope;
}

/** The host owns the cookie; procedures only say what it should hold. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  db: Db;
  config: ApiConfig;
  meta: RequestMeta;
  user: SessionUser | null;
  sessionToken: string | null;
  cookie: SessionCookie;
}
