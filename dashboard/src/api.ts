/** The gateway's REST API, same origin: `GET /api/v1/customers/{id}`. */

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

export type CustomerLookup = { kind: 'found'; profile: CustomerProfile } | { kind: 'notFound' };

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

export async function getCustomer(id: string, signal?: AbortSignal): Promise<CustomerLookup> {
  const response = await fetch(`/api/v1/customers/${encodeURIComponent(id)}`, {
    headers: { Accept: 'application/json' },
    // Live updates depend on seeing the newest version: never let a cache answer.
    cache: 'no-store',
    signal: signal ?? null,
  });
  if (response.status === 404) return { kind: 'notFound' };
  if (!response.ok) throw new ApiError(`GET customer ${id} failed with HTTP ${response.status}`, response.status);
  const body: unknown = await response.json();
  if (!isProfile(body)) throw new ApiError(`GET customer ${id} returned a body that is not a profile`);
  return { kind: 'found', profile: body };
}
