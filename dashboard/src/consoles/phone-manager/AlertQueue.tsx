import { Flash } from '../../components/Flash';
import { useI18n } from '../../i18n';
import { AlertStateText, alertKindText, SeverityBadge, StageBadge, TierBadge } from '../kit/labels';
import { formatAgo, useNow } from '../kit/time';
import type { QueueRow } from './useAlertQueue';

interface Props {
  rows: QueueRow[] | null;
  error: unknown;
  selectedAlertId: string | null;
  onSelect: (row: QueueRow) => void;
}

/** The queue: each row is one button (Tab to it, Enter opens the customer); a row flashes when its alert moves. */
export function AlertQueue({ rows, error, selectedAlertId, onSelect }: Props) {
  const { locale, t } = useI18n();
  const now = useNow();
  if (error && !rows) return <p class="kit-empty">{t('kit.listRefused', { reason: String(error) })}</p>;
  if (!rows) return <p class="kit-empty" aria-busy="true">{t('kit.loadingList')}</p>;
  if (rows.length === 0) return <p class="kit-empty" data-testid="alert-queue-empty">{t('pm.queueEmpty')}</p>;
  return (
    <ol class="kit-stack pm-queue" aria-label={t('pm.queueLabel')} data-testid="alert-queue">
      {rows.map(({ line, alert }) => (
        <li key={alert.id}>
          <button
            type="button"
            class={`pm-row pm-row-${alert.severity} pm-row-${alert.state}`}
            aria-pressed={alert.id === selectedAlertId}
            onClick={() => onSelect({ line, alert })}
            data-testid={`alert-row-${alert.id}`}
            data-customer={line.customerId}
            data-kind={alert.kind}
            data-severity={alert.severity}
            data-state={alert.state}
            data-raised-at={alert.raisedAt}
          >
            <SeverityBadge severity={alert.severity} />
            <span class="pm-row-main">
              <span class="pm-row-title">
                <strong class="pm-row-kind">{alertKindText(t, alert.kind)}</strong>
                <span class="pm-row-name">{line.name}</span>
              </span>
              <span class="pm-row-facts">
                <TierBadge tier={line.tier} stars={line.stars} />
                <StageBadge stage={line.stage} />
                <span class="pm-row-id">{line.customerId}</span>
              </span>
            </span>
            <span class="pm-row-side">
              <Flash value={[alert.state, alert.snoozedUntil]}>
                <AlertStateText state={alert.state} snoozedUntil={alert.snoozedUntil} />
              </Flash>
              <span class="pm-row-age" title={alert.raisedAt}>
                {t('pm.waiting', { ago: formatAgo(alert.raisedAt, now, locale) })}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
