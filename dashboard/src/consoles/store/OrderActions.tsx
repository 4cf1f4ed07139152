import { useState } from 'preact/hooks';
import { callApi } from '../../api';
import { type MessageKey, useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage, useAction } from '../kit/actions';
import type { WorkOrder } from '../kit/types';

/** The store's steps on an order addressed to it: accept a dispatched one, complete an accepted one with the outcome. */
export function OrderActions({ workspace, order }: { workspace: Workspace; order: WorkOrder }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<MessageKey>('store.accepted');
  const action = useAction();
  const step = (verb: 'accept' | 'complete', body: unknown, message: MessageKey) => {
    setDone(message);
    void action.run(() => callApi('POST', `/api/v1/work-orders/${encodeURIComponent(order.id)}/${verb}`, workspace.credentials, { body }));
  };
  const fieldId = `store-outcome-${order.id}`;

  return (
    <div class="store-order-actions">
      {order.state === 'dispatched' && (
        <button type="button" class="button-primary store-big" disabled={action.busy} onClick={() => step('accept', {}, 'store.accepted')} data-testid="work-order-accept">
          {t('store.accept')}
        </button>
      )}
      {order.state === 'accepted' && (
        <form
          class="kit-form store-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setMissing(!outcome.trim());
            if (outcome.trim()) step('complete', { outcome: outcome.trim() }, 'store.completed');
          }}
        >
          <label for={fieldId}>{t('store.outcome')}</label>
          <input
            id={fieldId}
            type="text"
            maxLength={500}
            value={outcome}
            placeholder={t('store.outcomePlaceholder')}
            aria-invalid={missing}
            onInput={(e) => setOutcome(e.currentTarget.value)}
            data-testid="work-order-outcome"
          />
          <button type="submit" class="button-primary store-big" disabled={action.busy} data-testid="work-order-complete">
            {t('store.complete')}
          </button>
        </form>
      )}
      {missing && (
        <p class="kit-field-error" role="alert">
          {t('store.outcomeMissing')}
        </p>
      )}
      <ActionMessage status={action.status} done={t(done)} testId="work-order-message" />
    </div>
  );
}
