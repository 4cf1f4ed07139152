import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage } from '../kit/actions';
import { ScoreSelect, useTouchpointForm } from '../kit/touchpoint';

const kinds = ['visit', 'complaint', 'campaign-offered', 'campaign-accepted', 'survey', 'note'] as const;

/** A contact at the counter; the gateway records it at this store, by this user. */
export function TouchpointForm({ workspace, customerId }: { workspace: Workspace; customerId: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof kinds)[number]>('visit');
  const { note, setNote, score, setScore, action, record } = useTouchpointForm(workspace, customerId);
  return (
    <form class="kit-form store-touch" onSubmit={(e) => record(e, { channel: 'store', kind, stage: 'site' })} data-testid="touchpoint-form">
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
        <ScoreSelect id="store-touch-score" value={score} onChange={setScore} testId="touchpoint-score" />
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
