import { useState } from 'preact/hooks';
import { callApi } from '../../api';
import { type MessageKey, useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage, useAction } from '../kit/actions';
import { OutcomeForm } from '../kit/OutcomeForm';
import type { WorkOrder } from '../kit/types';

/** The store's steps on an order addressed to it: accept a dispatched one, complete an accepted one with the outcome. */
export function OrderActions({ workspace, order }: { workspace: Workspace; order: WorkOrder }) {
  const { t } = useI18n();
  const [done, setDone] = useState<MessageKey>('store.accepted');
  const action = useAction();
  const step = (verb: 'accept' | 'complete', body: unknown, message: MessageKey) => {
    setDone(message);
    void action.run(() => callApi('POST', `/api/v1/work-orders/${encodeURIComponent(order.id)}/${verb}`, workspace.credentials, { body }));
  };

  return (
    <div class="store-order-actions">
      {order.state === 'dispatched' && (
        <button type="button" class="button-primary store-big" disabled={action.busy} onClick={() => step('accept', {}, 'store.accepted')} data-testid="work-order-accept">
          {t('store.accept')}
        </button>
      )}
      {order.state === 'accepted' && (
        <OutcomeForm
          id={`store-outcome-${order.id}`}
          label={t('store.outcome')}
          placeholder={t('store.outcomePlaceholder')}
          submit={t('store.complete')}
          missing={t('store.outcomeMissing')}
          busy={action.busy}
          onOutcome={(outcome) => step('complete', { outcome }, 'store.completed')}
          testIds={{ input: 'work-order-outcome', submit: 'work-order-complete' }}
          buttonClass="store-big"
        />
      )}
      <ActionMessage status={action.status} done={t(done)} testId="work-order-message" />
    </div>
  );
}
