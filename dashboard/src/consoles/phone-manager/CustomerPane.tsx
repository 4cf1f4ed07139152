import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Flash } from '../../components/Flash';
import { formatInstant } from '../../format';
import { type MessageKey, useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage, useAction } from '../kit/actions';
import { AlertStateText, alertKindText, SeverityBadge, StageBadge, TierBadge } from '../kit/labels';
import { ProfileMissing, useLiveProfile } from '../kit/liveProfile';
import type { AlertView } from '../kit/types';
import { AlertActions } from './AlertActions';
import { CallLogForm } from './CallLogForm';
import { DispatchForm } from './DispatchForm';

interface Props {
  workspace: Workspace;
  customerId: string;
  selectedAlertId: string | null;
  onSelectAlert: (alertId: string) => void;
}

/** The chosen customer, live: who they are, their open alerts with reasons and the actions on them, a call log, dispatch. */
export function CustomerPane({ workspace, customerId, selectedAlertId, onSelectAlert }: Props) {
  const { t } = useI18n();
  const { status, profile } = useLiveProfile(workspace, customerId);
  const alertAction = useAction();
  const [done, setDone] = useState<MessageKey>('pm.acked');

  if (!profile) {
    return <ProfileMissing status={status} />;
  }
  const { identity, derived } = profile;
  const alerts = derived.alerts;
  const selected = alerts.find((a) => a.id === selectedAlertId) ?? alerts[0] ?? null;

  return (
    <article class="pm-customer" data-testid="customer-pane" data-customer={customerId} aria-labelledby="pm-customer-name">
      <header class="pm-customer-head">
        <div>
          <h2 id="pm-customer-name">
            <Flash value={identity.name}>{identity.name}</Flash>
          </h2>
          <div class="pm-customer-id">
            {customerId} · <span class="msisdn">{identity.msisdn}</span> · {identity.region}
          </div>
        </div>
        <div class="pm-customer-badges">
          <Flash value={derived.tier?.tier}>
            <TierBadge tier={derived.tier?.tier} stars={derived.tier?.stars ?? 0} />
          </Flash>
          <Flash value={derived.stage?.stage}>
            <StageBadge stage={derived.stage?.stage} />
          </Flash>
          <span class="pm-satisfaction">{t('pm.satisfaction', { n: derived.satisfactionIndex })}</span>
        </div>
      </header>
      {derived.stage && <p class="pm-reason">{derived.stage.reason.text}</p>}

      <section class="pm-section" aria-labelledby="pm-alerts-title">
        <h3 id="pm-alerts-title">{t('pm.alertsTitle')}</h3>
        {alerts.length === 0 ? (
          <p class="kit-empty">{t('pm.noOpenAlerts')}</p>
        ) : (
          <ul class="kit-stack">
            {alerts.map((alert) => (
              <AlertItem key={alert.id} alert={alert} selected={alert.id === selected?.id} onSelect={() => {
                  alertAction.reset();
                  onSelectAlert(alert.id);
                }}>
                {alert.id === selected?.id && (
                  <AlertActions
                    key={alert.id}
                    workspace={workspace}
                    customerId={customerId}
                    alert={alert}
                    action={alertAction}
                    onDone={setDone}
                  />
                )}
              </AlertItem>
            ))}
          </ul>
        )}
        <ActionMessage status={alertAction.status} done={t(done)} testId="alert-message" />
      </section>

      <section class="pm-section pm-forms">
        <CallLogForm workspace={workspace} customerId={customerId} />
        <DispatchForm workspace={workspace} profile={profile} />
      </section>
    </article>
  );
}

function AlertItem({ alert, selected, onSelect, children }: { alert: AlertView; selected: boolean; onSelect: () => void; children: ComponentChildren }) {
  const { locale, t } = useI18n();
  return (
    <li class={`pm-alert ${selected ? 'is-selected' : ''}`} data-testid={`alert-${alert.id}`} data-state={alert.state}>
      <div class="pm-alert-head">
        <SeverityBadge severity={alert.severity} />
        <strong>{alertKindText(t, alert.kind)}</strong>
        <Flash value={[alert.state, alert.snoozedUntil]}>
          <AlertStateText state={alert.state} snoozedUntil={alert.snoozedUntil} />
        </Flash>
        <span class="pm-alert-time">{t('pm.raisedAt', { time: formatInstant(alert.raisedAt, locale) ?? '—' })}</span>
      </div>
      <p class="pm-reason" data-testid="alert-reason">
        {alert.reason.text}
      </p>
      {selected ? (
        children
      ) : (
        <button type="button" class="button-quiet" onClick={onSelect} data-testid="alert-select">
          {t('pm.select')}
        </button>
      )}
    </li>
  );
}
