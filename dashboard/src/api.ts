/** The gateway's REST API, same origin: `POST /api/v1/auth/token`, `GET /api/v1/customers/{id}`. */

export interface Identity {
  name?: string;
  msisdn?: string;
  region?: string;
  homeStoreId?: string;
  accountManagerId?: string;
  phoneManagerId?: string;
  /** A calendar date, yyyy-MM-dd. */
  joinedOn?: string;
  [field: string]: unknown;
}

export interface Usage {
  /** The billing month, yyyy-MM. */
  month?: string;
  dataMb?: number;
  voiceMinutes?: number;
  sms?: number;
  [field: string]: unknown;
}

/**
 * The panoramic profile. Only customerId and version are relied on; every section may be missing, and sections
 * this build does not know yet (tier, stage, tags, alerts, ...) are carried along and shown generically.
 */
export interface CustomerProfile {
  customerId: string;
  version: number;
  identity?: Identity;
  usage?: Usage;
  /** ISO 8601 instant. */
  updatedAt?: string;
  [section: string]: unknown;
}

/** `forbidden`: the gateway answered 403, the customer is outside the signed-in user's scope. */
export type CustomerLookup = { kind: 'found'; profile: CustomerProfile } | { kind: 'notFound' } | { kind: 'forbidden' };

/** The answer to a sign-in, as the gateway sends it. */
export interface SignedToken {
  token: string;
  /** ISO 8601 instant. */
  expiresAt: string;
  user: string;
  role: string;
  storeId?: string | null;
  managerId?: string | null;
  region?: string | null;
}

/** What every REST call needs from the session. */
export interface Credentials {
  /** The bearer token, or null when there is no valid one (never signed in, signed out, expired). */
  token(): string | null;
  /** The gateway answered 401: the token is no longer accepted, the user must sign in again. */
  rejected(): void;
}

export class ApiError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isProfile(value: unknown): value is CustomerProfile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.customerId === 'string' && typeof v.version === 'number';
}

export function isSignedToken(value: unknown): value is SignedToken {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.token === 'string' && typeof v.user === 'string' && typeof v.role === 'string' && typeof v.expiresAt === 'string' && !Number.isNaN(Date.parse(v.expiresAt))
  );
}

/**
 * `refused`: unknown user name or wrong password (401); `locked`: too many wrong passwords in a row (423);
 * `rateLimited`: too many attempts (429). Anything else the gateway cannot answer throws.
 */
export async function requestToken(
  userName: string,
  password: string,
): Promise<{ kind: 'signedIn'; token: SignedToken } | { kind: 'refused' } | { kind: 'locked' } | { kind: 'rateLimited' }> {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName, password }),
    cache: 'no-store',
  });
  // 400 only comes from an empty field, which the form does not send; either way the gateway refused.
  if (response.status === 401 || response.status === 400) return { kind: 'refused' };
  // Too many wrong passwords (423) or attempts (429): the gateway says until when; the form says so.
  if (response.status === 423 || response.status === 429) return { kind: response.status === 423 ? 'locked' : 'rateLimited' };
  if (!response.ok) throw new ApiError(`Sign-in failed with HTTP ${response.status}`, response.status);
  const body: unknown = await response.json();
  if (!isSignedToken(body)) throw new ApiError('Sign-in returned a body that is not a token');
  return { kind: 'signedIn', token: body };
}

/**
 * A REST call with the bearer token. The token is sent even where the gateway does not ask for it yet, so the
 * console works the same before and after the API requires it; a 401 means "sign in again", whatever the call.
 */
export async function authorizedFetch(path: string, credentials: Credentials, init: RequestInit): Promise<Response> {
  const token = credentials.token();
  if (token === null) {
    credentials.rejected();
    throw new ApiError(`Not signed in: ${path} not requested`, 401);
  }
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) {
    credentials.rejected();
    throw new ApiError(`${path} answered 401: the session is no longer accepted`, 401);
  }
  return response;
}

/** `lang` (en, zh) words the profile's reasons; without it the gateway goes by the browser's Accept-Language. */
export async function getCustomer(id: string, credentials: Credentials, signal?: AbortSignal, lang?: string): Promise<CustomerLookup> {
  const query = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  const response = await authorizedFetch(`/api/v1/customers/${encodeURIComponent(id)}${query}`, credentials, {
    headers: { Accept: 'application/json' },
    // Live updates depend on seeing the newest version: never let a cache answer.
    cache: 'no-store',
    signal: signal ?? null,
  });
  if (response.status === 404) return { kind: 'notFound' };
  if (response.status === 403) return { kind: 'forbidden' };
  if (!response.ok) throw new ApiError(`GET customer ${id} failed with HTTP ${response.status}`, response.status);
  const body: unknown = await response.json();
  if (!isProfile(body)) throw new ApiError(`GET customer ${id} returned a body that is not a profile`);
  return { kind: 'found', profile: body };
}

/** A staff action or list read: the answer's body, or why the gateway refused it (its problem `detail`). */
export type ApiResult<T> = { ok: true; body: T } | { ok: false; status: number; reason: string };

/**
 * A JSON call with the bearer token, for the consoles' own reads and actions (`POST /api/v1/alerts/…/ack`,
 * `GET /api/v1/work-orders`…). A refusal comes back with the gateway's own words (`detail` of its problem
 * answer), so a console can say why; a gateway that does not answer at all is status 0. `lang` asks for reasons
 * worded in that language (the gateway's `?lang=`), whatever the browser's own. Never throws.
 */
export async function callApi<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  credentials: Credentials,
  options: { body?: unknown; lang?: string } = {},
): Promise<ApiResult<T>> {
  const url = options.lang ? `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(options.lang)}` : path;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await authorizedFetch(url, credentials, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch (error) {
    // A 401 has already ended the session (the sign-in form replaces the console); anything else never arrived.
    const status = error instanceof ApiError && error.status === 401 ? 401 : 0;
    return { ok: false, status, reason: error instanceof Error ? error.message : String(error) };
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status alone has to say it.
  }
  if (response.ok) return { ok: true, body: body as T };
  const problem = (body ?? {}) as { detail?: unknown; title?: unknown; errors?: unknown };
  // A validation problem names each bad field in `errors`; its messages say more than its title.
  const fieldErrors =
    typeof problem.errors === 'object' && problem.errors !== null
      ? Object.values(problem.errors as Record<string, unknown>).flat().filter((m): m is string => typeof m === 'string').join(' ')
      : '';
  const reason =
    typeof problem.detail === 'string' ? problem.detail : fieldErrors || (typeof problem.title === 'string' ? problem.title : `HTTP ${response.status}`);
  return { ok: false, status: response.status, reason };
}
