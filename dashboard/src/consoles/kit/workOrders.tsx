import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { callApi } from '../../api';
import { Flash } from '../../components/Flash';
import { formatInstant } from '../../format';
import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { term } from './labels';
import { type ListSpec, useLiveList } from './liveList';
import { isOpenOrder, type WorkOrder, type WorkOrderInbox } from './types';

/** The work-order inbox a user follows: `store:S01`, `phone-manager:PM01` (the orders they dispatched). */
export function inboxOf(session: { role: string; storeId?: string | null; managerId?: string | null }): string | null {
  if (session.role === 'store') return session.storeId ? `store:${session.storeId}` : null;
  if (session.role === 'phone-manager' || session.role === 'account-manager') return session.managerId ? `${session.role}:${session.managerId}` : null;
  return null;
}

/**
 * The signed-in user's work orders, live (`workorders:{inbox}`): open ones by due time, then the closed ones,
 * latest first. A notice names only the orders that changed, so each one reads the inbox again
 * (`GET /api/v1/work-orders`); an order is kept by its step, so an older copy never replaces a newer one.
 */
export function useWorkOrders(workspace: Workspace, inbox: string | null): { orders: WorkOrder[] | null; error: unknown } {
  const spec = useMemo<ListSpec<WorkOrder>>(
    () => ({
      key: (o) => o.id,
      version: (o) => o.step,
      fromSnapshot: (s) => ({ version: s.version, items: Array.isArray(s.workOrders) ? (s.workOrders as WorkOrder[]) : [] }),
      fromPush: (kind) => (kind === 'workOrderChanged' ? 'lookAgain' : null),
      reread: async () => {
        const answer = await callApi<WorkOrderInbox>('GET', '/api/v1/work-orders', workspace.credentials);
        return answer.ok ? { version: answer.body.version, items: answer.body.workOrders } : null;
      },
    }),
    [workspace],
  );
  const { items, error } = useLiveList(workspace.live, inbox ? `workorders:${inbox}` : null, spec);
  const orders = useMemo(() => (items ? [...items].sort(byUrgency) : null), [items]);
  return { orders, error };
}

function byUrgency(a: WorkOrder, b: WorkOrder): number {
  const open = Number(isOpenOrder(b)) - Number(isOpenOrder(a));
  if (open !== 0) return open;
  return isOpenOrder(a) ? Date.parse(a.dueAt) - Date.parse(b.dueAt) : Date.parse(b.changedAt) - Date.parse(a.changedAt);
}

/** One order: its state (flashing when it moves), what, for whom, to whom, by when; `children` holds the actions. */
export function WorkOrderItem({ order, customer, children }: { order: WorkOrder; customer?: string | undefined; children?: ComponentChildren }) {
  const { locale, t } = useI18n();
  return (
    <li class={`kit-wo kit-wo-${order.state}`} data-testid={`work-order-${order.id}`} data-state={order.state} data-customer={order.customerId}>
      <div class="kit-wo-head">
        <Flash value={order.state} class={`kit-wo-state kit-wo-state-${order.state}`} testId="work-order-state">
          {term(t, 'kit.woState.', order.state, 'kit.woState.dispatched')}
        </Flash>
        <strong class="kit-wo-kind">{term(t, 'kit.woKind.', order.kind, 'kit.woKind.other')}</strong>
        <span class="kit-wo-customer">{customer ?? t('kit.wo.customer', { id: order.customerId })}</span>
      </div>
      <div class="kit-wo-meta">
        <span>{t(order.addressee.kind === 'store' ? 'kit.wo.to.store' : 'kit.wo.to.account-manager', { id: order.addressee.id })}</span>
        <span>{t('kit.wo.due', { time: formatInstant(order.dueAt, locale) ?? '—' })}</span>
      </div>
      {order.notes && <p class="kit-wo-notes">{order.notes}</p>}
      {order.outcome && <p class="kit-wo-outcome">{t('kit.wo.outcome', { text: order.outcome })}</p>}
      {order.reason && <p class="kit-wo-outcome">{t('kit.wo.reason', { text: order.reason })}</p>}
      {children}
    </li>
  );
}
