import { Flash } from '../../components/Flash';
import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { alertKindText, SeverityBadge, StageBadge, term, TierBadge } from '../kit/labels';
import { ProfileMissing, useLiveProfile } from '../kit/liveProfile';
import type { WorkOrder } from '../kit/types';
import { WorkOrderItem } from '../kit/workOrders';
import { OrderActions } from './OrderActions';
import { TouchpointForm } from './TouchpointForm';

/** How many recommended actions the card shows: what a clerk can take in at a glance. */
const TOP_ACTIONS = 3;

/**
 * The customer at the counter, readable in five seconds: who (masked by the server), tier and stars, stage,
 * open alerts and what to offer or fix, each with its reason, and this store's orders for them. Live.
 */
export function ContextCard({ workspace, customerId, orders }: { workspace: Workspace; customerId: string; orders: readonly WorkOrder[] }) {
  const { t } = useI18n();
  const { status, profile } = useLiveProfile(workspace, customerId);
  if (!profile) {
    return <ProfileMissing status={status} />;
  }
  const { identity, derived } = profile;
  const mine = orders.filter((o) => o.customerId === customerId);
  return (
    <article class="store-card" data-testid="context-card" data-customer={customerId} aria-labelledby="store-card-name">
      <header class="store-card-head">
        <div class="store-card-who">
          <h2 id="store-card-name" data-testid="card-name">
            <Flash value={identity.name}>{identity.name}</Flash>
          </h2>
          <div class="store-card-msisdn msisdn" data-testid="card-msisdn">
            {identity.msisdn}
          </div>
        </div>
        <div class="store-card-badges">
          <Flash value={[derived.tier?.tier, derived.tier?.stars]}>
            <TierBadge tier={derived.tier?.tier} stars={derived.tier?.stars ?? 0} size="large" />
          </Flash>
          <Flash value={derived.stage?.stage}>
            <StageBadge stage={derived.stage?.stage} />
          </Flash>
        </div>
      </header>

      <div class="store-card-body">
        <section class="store-card-section" aria-labelledby="store-alerts-title">
          <h3 id="store-alerts-title">{t('store.alertsTitle')}</h3>
          {derived.alerts.length === 0 ? (
            <p class="kit-empty">{t('store.noAlerts')}</p>
          ) : (
            <ul class="kit-stack store-list" data-testid="card-alerts">
              {derived.alerts.map((a) => (
                <li key={a.id} data-testid={`card-alert-${a.kind}`}>
                  <Flash value={[a.state, a.severity]}>
                    <SeverityBadge severity={a.severity} />
                  </Flash>{' '}
                  <strong>{alertKindText(t, a.kind)}</strong>
                  <p class="store-reason">{a.reason.text}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="store-card-section" aria-labelledby="store-actions-title">
          <h3 id="store-actions-title">{t('store.actionsTitle')}</h3>
          {derived.actions.length === 0 ? (
            <p class="kit-empty">{t('store.noActions')}</p>
          ) : (
            <ol class="kit-stack store-list" data-testid="card-actions">
              {derived.actions.slice(0, TOP_ACTIONS).map((a) => (
                <li key={a.code} data-testid={`card-action-${a.code}`}>
                  <strong>{term(t, 'store.action.', a.code, 'store.noActions')}</strong>
                  <p class="store-reason">{a.reason.text}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      {mine.length > 0 && (
        <section class="store-card-section" aria-labelledby="store-card-orders-title">
          <h3 id="store-card-orders-title">{t('store.ordersForCustomer')}</h3>
          <ul class="kit-stack" data-testid="card-work-orders">
            {mine.map((order) => (
              <WorkOrderItem key={order.id} order={order} customer={identity.name}>
                <OrderActions workspace={workspace} order={order} />
              </WorkOrderItem>
            ))}
          </ul>
        </section>
      )}

      <TouchpointForm workspace={workspace} customerId={customerId} />
    </article>
  );
}
