import { useI18n } from '../../i18n';
import { Flash } from '../Flash';
import { codeLabel, instantText } from './labels';
import { ListSection } from './ListSection';
import type { ActionInfo, AlertInfo, WorkOrder } from './types';

/** Open alerts, most severe first (as the server orders them), each with its reason. */
export function AlertsSection({ alerts }: { alerts: AlertInfo[] }) {
  const { locale, t } = useI18n();
  return (
    <ListSection name="alerts" title={t('profile.alerts')} empty={t('profile.noAlerts')} count={alerts.length}>
      <ul class="pv-items" data-testid="alerts">
        {alerts.map((a) => (
          <li key={a.id} class={`pv-alert severity-edge-${a.severity}`} data-alert-kind={a.kind} data-alert-state={a.state}>
            <Flash as="div" value={[a.state, a.severity, a.reason.code]} class="pv-item-head">
              <strong>{codeLabel(t, 'alert', a.kind)}</strong>
              <span class={`severity severity-${a.severity}`}>{codeLabel(t, 'severity', a.severity)}</span>
              <span class="pv-muted">
                {codeLabel(t, 'category', a.category)} · {codeLabel(t, 'alertState', a.state)}
              </span>
            </Flash>
            <p class="pv-reason">{a.reason.text}</p>
            <p class="pv-meta">
              {t('profile.alertRaised', { time: instantText(a.raisedAt, locale) })}
              {a.owner && ` · ${t('profile.alertOwner', { owner: a.owner })}`}
              {a.snoozedUntil && ` · ${t('profile.alertSnoozed', { time: instantText(a.snoozedUntil, locale) })}`}
            </p>
          </li>
        ))}
      </ul>
    </ListSection>
  );
}

/** What to do (差异化服务), each with the reason the rules give. */
export function ActionsSection({ actions }: { actions: ActionInfo[] }) {
  const { t } = useI18n();
  return (
    <ListSection name="actions" title={t('profile.actions')} empty={t('profile.noActions')} count={actions.length}>
      <ul class="pv-items" data-testid="actions">
        {actions.map((a) => (
          <li key={a.code} data-action={a.code}>
            <div class="pv-item-head">
              <strong>{codeLabel(t, 'action', a.code)}</strong>
              <span class="pv-muted">{codeLabel(t, 'family', a.family)}</span>
            </div>
            <p class="pv-reason">{a.reason.text}</p>
          </li>
        ))}
      </ul>
    </ListSection>
  );
}

/** The latest state of the customer's recent work orders (派单), open ones first. */
export function WorkOrdersSection({ orders }: { orders: WorkOrder[] }) {
  const { locale, t } = useI18n();
  return (
    <ListSection name="workOrders" title={t('profile.workOrders')} empty={t('profile.noWorkOrders')} count={orders.length}>
      <ul class="pv-items" data-testid="work-orders">
        {orders.map((o) => (
          <li key={o.id} data-work-order={o.id} data-state={o.state}>
            <Flash as="div" value={[o.state, o.step]} class="pv-item-head">
              <strong>{codeLabel(t, 'woKind', o.kind)}</strong>
              <span class={`wo-state wo-${o.state}`}>{codeLabel(t, 'woState', o.state)}</span>
              <span class="pv-muted">{o.id}</span>
            </Flash>
            <p class="pv-meta">
              {t('profile.woTo', { to: `${o.addressee.kind === 'store' ? codeLabel(t, 'channel', 'store') : codeLabel(t, 'channel', 'account-manager-visit')} ${o.addressee.id}`, due: instantText(o.dueAt, locale) })}
              {` · ${o.dispatchedBy.userName}`}
            </p>
            {o.notes && <p class="pv-reason">{o.notes}</p>}
            {o.outcome && <p class="pv-reason">{t('profile.woOutcome', { text: o.outcome })}</p>}
            {o.reason && <p class="pv-reason">{t('profile.woReason', { text: o.reason })}</p>}
          </li>
        ))}
      </ul>
    </ListSection>
  );
}
