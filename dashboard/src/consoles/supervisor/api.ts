import { ApiError, authorizedFetch, type Credentials } from '../../api';
import { type BoardData, readBoard } from './board';

/** `GET /api/v1/tiers/board?region=`: the region's board now (counts, retention, churn risk, latest changes). */
export async function getTierBoard(region: string, credentials: Credentials, signal?: AbortSignal): Promise<BoardData> {
  const path = `/api/v1/tiers/board?region=${encodeURIComponent(region)}`;
  const response = await authorizedFetch(path, credentials, { headers: { Accept: 'application/json' }, cache: 'no-store', signal: signal ?? null });
  if (!response.ok) throw new ApiError(`GET tier board of ${region} failed with HTTP ${response.status}`, response.status);
  const board = readBoard(await response.json());
  if (!board) throw new ApiError(`GET tier board of ${region} returned a body that is not a board`);
  return board;
}
