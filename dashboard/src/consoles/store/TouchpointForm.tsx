import { useState } from 'preact/hooks';
import { callApi } from '../../api';
import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage, useAction } from '../kit/actions';

const kinds = ['visit', 'complaint', 'campaign-offered', 'campaign-accepted', 'survey', 'note'] as const;

/** A contact at the counter (`POST /api/v1/customers/{id}/touchpoints`); the gateway records it at this store, by this user. */
export function TouchpointForm({ workspace, customerId }: { workspace: Workspace; customerId: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof kinds)[number]>('visit');
  const [note, setNote] = useState('');
  const [score, setScore] = useState('');
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    const body = { channel: 'store', kind, stage: 'site', note: note.trim() || undefined, score: score ? Number(score) : undefined };
    void action.run(
      () => callApi('POST', `/api/v1/customers/${encodeURIComponent(customerId)}/touchpoints`, workspace.credentials, { body }),
      () => {
        setNote('');
        setScore('');
      },
    );
  };
  return (
    <form class="kit-form store-touch" onSubmit={submit} data-testid="touchpoint-form">
      <h3>{t('store.touchTitle')}</h3>
      <div class="store-touch-grid">
        <label for="store-touch-kind">{t('store.touchKind')}</label>
        <select id="store-touch-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as (typeof kinds)[number])} data-testid="touchpoint-kind">
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`store.touch.${k}`)}
            </option>
          ))}
        </select>
        <label for="store-touch-score">{t('store.touchScore')}</label>
        <select id="store-touch-score" value={score} onChange={(e) => setScore(e.currentTarget.value)} data-testid="touchpoint-score">
          <option value="">{t('store.scoreNone')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {'★'.repeat(n)}
            </option>
          ))}
        </select>
        <label for="store-touch-note">{t('store.touchNote')}</label>
        <input id="store-touch-note" type="text" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="touchpoint-note" />
      </div>
      <div class="store-form-row">
        <button type="submit" class="button-primary store-big" disabled={action.busy} data-testid="touchpoint-submit">
          {t('store.record')}
        </button>
        <ActionMessage status={action.status} done={t('store.recorded')} testId="touchpoint-message" />
      </div>
    </form>
  );
}
