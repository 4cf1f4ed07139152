import { useMemo } from 'preact/hooks';
import { callApi } from '../../api';
import type { TopicMessage } from '../../live';
import type { Workspace } from '../../workspace';
import { type ListSpec, useLiveList } from '../kit/liveList';
import { type AlertSummary, type CustomerList, severities, type SummaryLine } from '../kit/types';

/** One row of the queue: an open alert and the line of its customer. */
export interface QueueRow {
  line: SummaryLine;
  alert: AlertSummary;
}

function isLine(value: unknown): value is SummaryLine {
  const v = value as SummaryLine | null;
  return typeof v?.customerId === 'string' && typeof v.version === 'number' && Array.isArray(v.openAlerts);
}

/** A line with no open alert, or one marked removed (the customer moved to another manager), leaves the queue. */
function fromPush(kind: string, message: TopicMessage) {
  const changed = Array.isArray(message.changed) ? (message.changed as string[]) : [];
  if (kind === 'alertChanged' && isLine(message.summary)) {
    const line = message.summary;
    return { item: line, removed: changed.includes('removed') || !line.openAlerts.some((a) => a.state !== 'resolved') };
  }
  // A renewal that found a gap: `changed: []` and no line.
  return changed.length === 0 ? ('lookAgain' as const) : null;
}

/**
 * The phone manager's queue, live from `alerts:{managerId}`: one row per open alert, snoozed ones last (they
 * wait until their time), otherwise the most severe first and, within a severity, the longest waiting first.
 */
export function useAlertQueue(workspace: Workspace, managerId: string | null | undefined) {
  const spec = useMemo<ListSpec<SummaryLine>>(
    () => ({
      key: (line) => line.customerId,
      version: (line) => line.version,
      fromSnapshot: (snapshot) => {
        const data = snapshot.data as CustomerList | undefined;
        return { version: snapshot.version, items: (data?.customers ?? []).filter(isLine) };
      },
      fromPush,
      reread: async () => {
        const answer = await callApi<CustomerList>('GET', '/api/v1/alert-queue', workspace.credentials);
        return answer.ok ? { version: answer.body.version, items: answer.body.customers } : null;
      },
    }),
    [workspace],
  );
  const { items, error } = useLiveList(workspace.live, managerId ? `alerts:${managerId}` : null, spec);
  const rows = useMemo(() => (items ? queueRows(items, Date.now()) : null), [items]);
  return { lines: items, rows, error };
}

export function queueRows(lines: readonly SummaryLine[], now: number): QueueRow[] {
  const rows: QueueRow[] = [];
  for (const line of lines) for (const alert of line.openAlerts) if (alert.state !== 'resolved') rows.push({ line, alert });
  const waiting = (a: AlertSummary) => (a.state === 'snoozed' && a.snoozedUntil && Date.parse(a.snoozedUntil) > now ? 1 : 0);
  return rows.sort(
    (x, y) =>
      waiting(x.alert) - waiting(y.alert) ||
      severities.indexOf(y.alert.severity) - severities.indexOf(x.alert.severity) ||
      Date.parse(x.alert.raisedAt) - Date.parse(y.alert.raisedAt) ||
      // Within a millisecond the server's own digits decide (its instants share one offset and format).
      compare(x.alert.raisedAt, y.alert.raisedAt) ||
      compare(x.alert.id, y.alert.id),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
