import { type ApiResult, callApi, type Credentials } from '../../api';

/** A user as `GET /api/v1/users` shows it: never a password or a hash. */
export interface UserView {
  userName: string;
  role: string;
  storeId?: string | null;
  managerId?: string | null;
  region?: string | null;
  grants?: string[];
  stores?: string[];
  disabled: boolean;
  lockedUntil?: string | null;
  failedSignIns: number;
  demo: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** Role and scope, as `PUT /api/v1/users/{userName}` takes them (and `POST /api/v1/users` with name and password). */
export interface UserScope {
  role: string;
  storeId: string | null;
  managerId: string | null;
  region: string | null;
  grants: string[];
  stores: string[];
}

export const roles = ['store', 'account-manager', 'phone-manager', 'supervisor', 'admin', 'ingest'] as const;
export const grants = ['usage', 'master-data', 'store-systems'] as const;

/** The scope fields each role needs; the others are sent empty (the gateway refuses them otherwise). */
export function fieldsOf(role: string): { storeId: boolean; managerId: boolean; region: boolean; producer: boolean } {
  return {
    storeId: role === 'store',
    managerId: role === 'account-manager' || role === 'phone-manager',
    region: role === 'store' || role === 'supervisor',
    producer: role === 'ingest',
  };
}

/** Only the fields the role uses, so a change of role never carries the old role's scope along. */
export function scopeFor(scope: UserScope): UserScope {
  const uses = fieldsOf(scope.role);
  return {
    role: scope.role,
    storeId: uses.storeId ? scope.storeId || null : null,
    managerId: uses.managerId ? scope.managerId || null : null,
    region: uses.region ? scope.region || null : null,
    grants: uses.producer ? scope.grants : [],
    stores: uses.producer ? scope.stores : [],
  };
}

const path = (userName: string) => `/api/v1/users/${encodeURIComponent(userName)}`;

export const listUsers = (c: Credentials) => callApi<UserView[]>('GET', '/api/v1/users', c);
export const createUser = (c: Credentials, userName: string, password: string, scope: UserScope): Promise<ApiResult<UserView>> =>
  callApi<UserView>('POST', '/api/v1/users', c, { body: { userName, password, ...scopeFor(scope) } });
export const updateUser = (c: Credentials, userName: string, scope: UserScope) => callApi<UserView>('PUT', path(userName), c, { body: scopeFor(scope) });
export const setDisabled = (c: Credentials, userName: string, disabled: boolean) =>
  callApi<UserView>('POST', `${path(userName)}/${disabled ? 'disable' : 'enable'}`, c);
export const resetPassword = (c: Credentials, userName: string, password: string) =>
  callApi<UserView>('POST', `${path(userName)}/password`, c, { body: { password } });
