import { useRef, useState } from 'preact/hooks';
import { callApi } from '../../api';
import { type MessageKey, useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage, useAction } from '../kit/actions';
import { FieldError } from '../kit/FieldError';
import type { ProfileView } from '../kit/types';

/**
 * Identifies the customer at the counter by phone number (`POST /api/v1/stores/{storeId}/walk-ins`): a walk-in
 * of today, which lets this store read them. The number typed is cleared once it has found the customer, so
 * the full number stays on screen no longer than it takes to type it.
 */
export function LookupForm({ workspace, storeId, onFound }: { workspace: Workspace; storeId: string; onFound: (customerId: string) => void }) {
  const { t } = useI18n();
  const [msisdn, setMsisdn] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    const digits = msisdn.replace(/[\s-]/g, '');
    if (!/^\d{5,15}$/.test(digits)) {
      setProblem('store.lookupInvalid');
      action.reset();
      input.current?.focus();
      return;
    }
    setProblem(null);
    const ok = await action.run(
      () => callApi<ProfileView>('POST', `/api/v1/stores/${encodeURIComponent(storeId)}/walk-ins`, workspace.credentials, { body: { msisdn: digits } }),
      (profile) => {
        setMsisdn('');
        onFound(profile.customerId);
      },
    );
    if (!ok) input.current?.focus();
  };
  // Store staff get 403 for a number outside the store's walk-in scope and for an unknown one alike (admins 404).
  const notFound = action.status.kind === 'refused' && (action.status.status === 404 || action.status.status === 403);

  return (
    <form class="kit-form store-lookup" onSubmit={submit} data-testid="lookup-form">
      <label for="store-lookup-msisdn">{t('store.lookupLabel')}</label>
      <div class="store-lookup-row">
        <input
          id="store-lookup-msisdn"
          ref={input}
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          value={msisdn}
          placeholder={t('store.lookupPlaceholder')}
          aria-invalid={problem !== null}
          aria-describedby="store-lookup-message"
          onInput={(e) => setMsisdn(e.currentTarget.value)}
          data-testid="lookup-msisdn"
        />
        <button type="submit" class="button-primary" disabled={action.busy} data-testid="lookup-submit">
          {t('store.lookupButton')}
        </button>
      </div>
      <div id="store-lookup-message">
        {problem || notFound ? (
          <FieldError text={t(problem ?? 'store.lookupNotFound')} testId="lookup-message" />
        ) : (
          <ActionMessage status={action.status} done={t('store.lookupDone')} testId="lookup-message" />
        )}
      </div>
    </form>
  );
}
