import { ApiError, authorizedFetch, type Credentials } from '../../api';
import { type CustomerLine, linesOf } from './portfolio';

async function readLines(path: string, credentials: Credentials): Promise<CustomerLine[]> {
  const response = await authorizedFetch(path, credentials, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new ApiError(`GET ${path} failed with HTTP ${response.status}`, response.status);
  return linesOf(await response.json());
}

/** `GET /api/v1/portfolio`: the signed-in account manager's own portfolio, as its topic's snapshot holds it. */
export function fetchPortfolio(credentials: Credentials): Promise<CustomerLine[]> {
  return readLines('/api/v1/portfolio', credentials);
}

/** A search's first page, and how many match: `totalAtLeast` means "this many or more" (the server stops counting). */
export interface SearchAnswer {
  lines: CustomerLine[];
  total: number;
  totalAtLeast: boolean;
}

/** `GET /api/v1/customers?q=`: customer id, phone number or name prefix; the server answers within the caller's scope only. */
export async function searchCustomers(q: string, credentials: Credentials): Promise<SearchAnswer> {
  const path = `/api/v1/customers?q=${encodeURIComponent(q)}`;
  const response = await authorizedFetch(path, credentials, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new ApiError(`GET ${path} failed with HTTP ${response.status}`, response.status);
  const data = (await response.json()) as { total?: unknown; totalAtLeast?: unknown } | null;
  const lines = linesOf(data);
  const total = typeof data?.total === 'number' ? data.total : lines.length;
  return { lines, total, totalAtLeast: data?.totalAtLeast === true };
}
