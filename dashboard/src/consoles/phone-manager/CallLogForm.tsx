import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage } from '../kit/actions';
import { ScoreSelect, useTouchpointForm } from '../kit/touchpoint';

/** A call with the customer, recorded as a phone-manager touchpoint with an optional score. */
export function CallLogForm({ workspace, customerId }: { workspace: Workspace; customerId: string }) {
  const { t } = useI18n();
  const { note, setNote, score, setScore, action, record } = useTouchpointForm(workspace, customerId);
  return (
    <form class="kit-form pm-form" onSubmit={(e) => record(e, { channel: 'phone-manager', kind: 'call' })} data-testid="call-form">
      <h3>{t('pm.callTitle')}</h3>
      <label for="pm-call-note">{t('pm.callNote')}</label>
      <textarea id="pm-call-note" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="call-note" />
      <div class="pm-form-row">
        <label for="pm-call-score">{t('pm.callScore')}</label>
        <ScoreSelect id="pm-call-score" value={score} onChange={setScore} testId="call-score" />
        <button type="submit" class="button-primary" disabled={action.busy} data-testid="call-submit">
          {t('pm.logCall')}
        </button>
      </div>
      <ActionMessage status={action.status} done={t('pm.callLogged')} testId="call-message" />
    </form>
  );
}
