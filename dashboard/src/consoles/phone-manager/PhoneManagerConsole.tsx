import { useMemo, useState } from 'preact/hooks';
import { ConsoleShell } from '../../components/ConsoleShell';
import { useI18n } from '../../i18n';
import type { ConsoleProps } from '../ConsoleProps';
import { inboxOf, useWorkOrders, WorkOrderItem } from '../kit/workOrders';
import { useAlertQueue } from './useAlertQueue';
import { AlertQueue } from './AlertQueue';
import { CustomerPane } from './CustomerPane';
import './phone-manager.css';

/**
 * 电话经理: the queue of open alerts on the manager's customers (live), the chosen customer with the actions on
 * their alerts, a call log and dispatch, and the work orders dispatched, each moving live through its states.
 */
export function PhoneManagerConsole({ workspace, session, account }: ConsoleProps) {
  const { t } = useI18n();
  const queue = useAlertQueue(workspace, session.managerId);
  const orders = useWorkOrders(workspace, inboxOf(session));
  const [selected, setSelected] = useState<{ customerId: string; alertId: string | null } | null>(null);
  const names = useMemo(() => new Map((queue.lines ?? []).map((l) => [l.customerId, l.name])), [queue.lines]);

  return (
    <ConsoleShell live={workspace.live} account={account}>
      <div class="pm-layout">
        <div class="pm-left">
          <section class="kit-panel" aria-labelledby="pm-queue-title">
            <div class="pm-panel-head">
              <h2 id="pm-queue-title" class="console-title">
                {t('pm.title')}
              </h2>
              {queue.rows && (
                <span class="pm-count" data-testid="alert-count">
                  {t('pm.queueCount', { n: queue.rows.length })}
                </span>
              )}
            </div>
            <AlertQueue
              rows={queue.rows}
              error={queue.error}
              selectedAlertId={selected?.alertId ?? null}
              onSelect={({ line, alert }) => setSelected({ customerId: line.customerId, alertId: alert.id })}
            />
          </section>
          <section class="kit-panel" aria-labelledby="pm-orders-title">
            <h2 id="pm-orders-title" class="pm-panel-title">
              {t('pm.ordersTitle')}
            </h2>
            {!orders.orders ? (
              <p class="kit-empty">{t('kit.loadingList')}</p>
            ) : orders.orders.length === 0 ? (
              <p class="kit-empty">{t('pm.ordersEmpty')}</p>
            ) : (
              <ul class="kit-stack pm-orders" data-testid="work-orders">
                {orders.orders.map((order) => (
                  <WorkOrderItem key={order.id} order={order} customer={names.get(order.customerId)} />
                ))}
              </ul>
            )}
          </section>
        </div>
        <section class="kit-panel pm-right" aria-label={t('pm.customerLabel')}>
          {selected ? (
            <CustomerPane
              key={selected.customerId}
              workspace={workspace}
              customerId={selected.customerId}
              selectedAlertId={selected.alertId}
              onSelectAlert={(alertId) => setSelected({ customerId: selected.customerId, alertId })}
            />
          ) : (
            <p class="kit-empty">{t('pm.detailEmpty')}</p>
          )}
        </section>
      </div>
    </ConsoleShell>
  );
}
