import { useState } from 'preact/hooks';
import { callApi } from '../../api';
import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import type { useAction } from '../kit/actions';
import { OutcomeForm } from '../kit/OutcomeForm';
import { fromLocalInput, HOUR_MS, toLocalInput } from '../kit/time';
import type { AlertView } from '../kit/types';

interface Props {
  workspace: Workspace;
  customerId: string;
  alert: AlertView;
  /** Owned by the pane: the alert's row goes once it is resolved, the message that says so stays. */
  action: ReturnType<typeof useAction>;
  onDone: (message: 'pm.acked' | 'pm.snoozed' | 'pm.resolved') => void;
}

/** Acknowledge, snooze until a chosen time, resolve with an outcome; a refusal shows the gateway's reason. */
export function AlertActions({ workspace, customerId, alert, action, onDone }: Props) {
  const { t } = useI18n();
  const [until, setUntil] = useState(() => toLocalInput(Date.now() + 2 * HOUR_MS));
  const post = (verb: 'ack' | 'snooze' | 'resolve', body: Record<string, unknown>, done: 'pm.acked' | 'pm.snoozed' | 'pm.resolved') =>
    void action.run(
      () => callApi('POST', `/api/v1/alerts/${encodeURIComponent(alert.id)}/${verb}`, workspace.credentials, { body: { customerId, ...body } }),
      () => onDone(done),
    );
  const idPrefix = `pm-alert-${alert.id}`;

  return (
    <div class="pm-actions" data-testid="alert-actions">
      <button
        type="button"
        class="button-primary"
        disabled={action.busy || alert.state === 'acknowledged'}
        onClick={() => post('ack', {}, 'pm.acked')}
        data-testid="alert-ack"
      >
        {t('pm.ack')}
      </button>
      <form
        class="kit-form pm-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          post('snooze', { until: fromLocalInput(until) }, 'pm.snoozed');
        }}
      >
        <label for={`${idPrefix}-until`}>{t('pm.snoozeUntil')}</label>
        <input
          id={`${idPrefix}-until`}
          type="datetime-local"
          value={until}
          onInput={(e) => setUntil(e.currentTarget.value)}
          data-testid="alert-snooze-until"
          required
        />
        <button type="submit" class="button-quiet" disabled={action.busy} data-testid="alert-snooze">
          {t('pm.snooze')}
        </button>
      </form>
      <OutcomeForm
        id={`${idPrefix}-outcome`}
        label={t('pm.outcome')}
        placeholder={t('pm.outcomePlaceholder')}
        submit={t('pm.resolve')}
        missing={t('pm.outcomeMissing')}
        busy={action.busy}
        onOutcome={(outcome) => post('resolve', { outcome }, 'pm.resolved')}
        testIds={{ input: 'alert-outcome', submit: 'alert-resolve' }}
      />
    </div>
  );
}
