import { useMemo } from 'preact/hooks';
import { callApi } from '../../api';
import type { TopicMessage } from '../../live';
import type { Workspace } from '../../workspace';
import { type ListSpec, useLiveList } from '../kit/liveList';
import type { StoreWalkIns, WalkIn } from '../kit/types';

function isWalkIn(value: unknown): value is WalkIn {
  const v = value as WalkIn | null;
  return typeof v?.customer?.customerId === 'string' && typeof v.at === 'string';
}

function fromPush(kind: string, message: TopicMessage) {
  if (kind === 'walkIn' && isWalkIn(message.walkIn)) return { item: message.walkIn, removed: false };
  // A renewal that found a gap says `changed: []` with nothing else.
  return Array.isArray(message.changed) && message.changed.length === 0 ? ('lookAgain' as const) : null;
}

/**
 * Today's walk-ins at the store, live from `store:{storeId}` (masked for store staff, by the server): one row
 * per customer, at their latest walk-in, newest first.
 */
export function useWalkIns(workspace: Workspace, storeId: string | null | undefined) {
  const spec = useMemo<ListSpec<WalkIn>>(
    () => ({
      key: (w) => w.customer.customerId,
      version: (w) => Date.parse(w.at),
      fromSnapshot: (snapshot) => {
        const data = snapshot.data as StoreWalkIns | undefined;
        return { version: snapshot.version, items: (data?.walkIns ?? []).filter(isWalkIn) };
      },
      fromPush,
      reread: async () => {
        const answer = await callApi<StoreWalkIns>('GET', `/api/v1/stores/${encodeURIComponent(storeId ?? '')}/walk-ins`, workspace.credentials);
        return answer.ok ? { version: answer.body.version, items: answer.body.walkIns } : null;
      },
    }),
    [workspace, storeId],
  );
  const { items, error } = useLiveList(workspace.live, storeId ? `store:${storeId}` : null, spec);
  const walkIns = useMemo(() => (items ? [...items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)) : null), [items]);
  return { walkIns, error };
}
