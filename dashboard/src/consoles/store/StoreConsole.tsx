import { useMemo, useState } from 'preact/hooks';
import { ConsoleShell } from '../../components/ConsoleShell';
import { useI18n } from '../../i18n';
import type { ConsoleProps } from '../ConsoleProps';
import { inboxOf, useWorkOrders, WorkOrderItem } from '../kit/workOrders';
import { ContextCard } from './ContextCard';
import { LookupForm } from './LookupForm';
import { OrderActions } from './OrderActions';
import { WalkInList } from './WalkInList';
import { useWalkIns } from './walkIns';
import './store.css';

/**
 * 门店店员, on a counter tablet: identify the customer by phone number, read their context card at a glance,
 * record the contact; today's walk-ins and the store's work orders arrive live beside it.
 */
export function StoreConsole({ workspace, session, account }: ConsoleProps) {
  const { t } = useI18n();
  const storeId = session.storeId ?? null;
  const { walkIns } = useWalkIns(workspace, storeId);
  const { orders } = useWorkOrders(workspace, inboxOf(session));
  const [customerId, setCustomerId] = useState<string | null>(null);
  const names = useMemo(() => new Map((walkIns ?? []).map((w) => [w.customer.customerId, w.customer.name])), [walkIns]);

  return (
    <ConsoleShell live={workspace.live} account={account}>
      <div class="store-console">
        <div class="store-top">
          <h2 class="console-title">{t('store.title')}</h2>
          {storeId && <LookupForm workspace={workspace} storeId={storeId} onFound={setCustomerId} />}
        </div>
        <div class="store-layout">
          <section class="kit-panel store-main" aria-label={t('store.cardLabel')}>
            {customerId ? (
              <ContextCard key={customerId} workspace={workspace} customerId={customerId} orders={orders ?? []} />
            ) : (
              <p class="kit-empty store-card-empty">{t('store.cardEmpty')}</p>
            )}
          </section>
          <div class="store-side">
            <section class="kit-panel" aria-labelledby="store-walk-ins-title">
              <h2 id="store-walk-ins-title" class="store-panel-title">
                {t('store.walkInsTitle')}
              </h2>
              <WalkInList walkIns={walkIns} selected={customerId} onSelect={setCustomerId} />
            </section>
            <section class="kit-panel" aria-labelledby="store-orders-title">
              <h2 id="store-orders-title" class="store-panel-title">
                {t('store.ordersTitle')}
              </h2>
              {!orders ? (
                <p class="kit-empty">{t('kit.loadingList')}</p>
              ) : orders.length === 0 ? (
                <p class="kit-empty">{t('store.ordersEmpty')}</p>
              ) : (
                <ul class="kit-stack store-orders" data-testid="store-work-orders">
                  {orders.map((order) => (
                    <WorkOrderItem key={order.id} order={order} customer={names.get(order.customerId)}>
                      <OrderActions workspace={workspace} order={order} />
                    </WorkOrderItem>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </div>
      </div>
    </ConsoleShell>
  );
}
