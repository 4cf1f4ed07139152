import { useState } from 'preact/hooks';
import { callApi } from '../../api';
import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage, useAction } from '../kit/actions';

/** A call with the customer: `POST /api/v1/customers/{id}/touchpoints` as a phone-manager call, with an optional score. */
export function CallLogForm({ workspace, customerId }: { workspace: Workspace; customerId: string }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [score, setScore] = useState('');
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    const body = { channel: 'phone-manager', kind: 'call', note: note.trim() || undefined, score: score ? Number(score) : undefined };
    void action.run(
      () => callApi('POST', `/api/v1/customers/${encodeURIComponent(customerId)}/touchpoints`, workspace.credentials, { body }),
      () => {
        setNote('');
        setScore('');
      },
    );
  };
  return (
    <form class="kit-form pm-form" onSubmit={submit} data-testid="call-form">
      <h3>{t('pm.callTitle')}</h3>
      <label for="pm-call-note">{t('pm.callNote')}</label>
      <textarea id="pm-call-note" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="call-note" />
      <div class="pm-form-row">
        <label for="pm-call-score">{t('pm.callScore')}</label>
        <select id="pm-call-score" value={score} onChange={(e) => setScore(e.currentTarget.value)} data-testid="call-score">
          <option value="">{t('pm.scoreNone')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {'★'.repeat(n)}
            </option>
          ))}
        </select>
        <button type="submit" class="button-primary" disabled={action.busy} data-testid="call-submit">
          {t('pm.logCall')}
        </button>
      </div>
      <ActionMessage status={action.status} done={t('pm.callLogged')} testId="call-message" />
    </form>
  );
}
