import { ApiError, authorizedFetch, type Credentials, type CustomerLookup, getCustomer } from '../../api';
import type { Locale } from '../../i18n';
import type { TimelineEntry } from './types';

/** What the profile's own calls answer: done, or refused by the server with its reason (a 409, 400 or 403). */
export type StaffResult = { kind: 'done' } | { kind: 'refused'; reason: string };

const json = { Accept: 'application/json' };

/** The gateway words reasons (tier, stage, alerts, tags, actions) in the language asked for. */
export function serverLanguage(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh' : 'en';
}

const customerPath = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}`;

/** `GET /api/v1/customers/{id}` with the reasons in the console's language. */
export function fetchProfile(id: string, credentials: Credentials, locale: Locale): Promise<CustomerLookup> {
  return getCustomer(id, credentials, undefined, serverLanguage(locale));
}

/** `GET /api/v1/customers/{id}/timeline`, newest first. */
export async function fetchTimeline(id: string, credentials: Credentials, limit: number): Promise<TimelineEntry[]> {
  const response = await authorizedFetch(`${customerPath(id)}/timeline?limit=${limit}`, credentials, { headers: json, cache: 'no-store' });
  if (!response.ok) throw new ApiError(`GET timeline of ${id} failed with HTTP ${response.status}`, response.status);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new ApiError(`GET timeline of ${id} returned a body that is not a list`);
  return body as TimelineEntry[];
}

/** `POST /api/v1/customers/{id}/tags` or `DELETE …/tags/{tag}`: manual tags only; the rules own the others (409). */
export function changeTag(id: string, tag: string, add: boolean, credentials: Credentials): Promise<StaffResult> {
  return add
    ? staffCall(`${customerPath(id)}/tags`, credentials, 'POST', { tag })
    : staffCall(`${customerPath(id)}/tags/${encodeURIComponent(tag)}`, credentials, 'DELETE');
}

/** What `POST /api/v1/customers/{id}/touchpoints` takes: the touchpoint payload of the feed. */
export interface TouchpointBody {
  channel: string;
  kind: string;
  note?: string;
  score?: number;
}

export function recordTouchpoint(id: string, body: TouchpointBody, credentials: Credentials): Promise<StaffResult> {
  return staffCall(`${customerPath(id)}/touchpoints`, credentials, 'POST', body);
}

/**
 * A change staff ask for. The answer's profile is not used: the push that follows the change brings it to every
 * console alike, this one included. Refusals carry the server's reason (problem details' `detail`).
 */
async function staffCall(path: string, credentials: Credentials, method: string, body?: unknown): Promise<StaffResult> {
  const response = await authorizedFetch(path, credentials, {
    method,
    headers: body === undefined ? json : { ...json, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (response.ok) return { kind: 'done' };
  if (response.status >= 400 && response.status < 500) return { kind: 'refused', reason: await problemDetail(response) };
  throw new ApiError(`${method} ${path} failed with HTTP ${response.status}`, response.status);
}

async function problemDetail(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { detail?: unknown; title?: unknown };
    if (typeof problem.detail === 'string' && problem.detail) return problem.detail;
    if (typeof problem.title === 'string' && problem.title) return problem.title;
  } catch {
    // Not problem details: the status is all there is to say.
  }
  return `HTTP ${response.status}`;
}
