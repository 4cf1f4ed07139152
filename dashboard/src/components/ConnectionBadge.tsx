import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import type { LiveStatus } from '../live';

export function ConnectionBadge({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  const label: MessageKey =
    status.state === 'reconnecting' && !status.everConnected ? 'connection.connecting' : `connection.${status.state}`;
  return (
    <span class={`connection connection-${status.state}`} title={t('connectionLabel')}>
      <span class="connection-dot" aria-hidden="true" />
      <span data-testid="connection-state" data-state={status.state} role="status" aria-live="polite">
        {t(label)}
      </span>
    </span>
  );
}
