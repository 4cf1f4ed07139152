import { useState } from 'preact/hooks';
import { callApi } from '../../api';
import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { ActionMessage, useAction } from '../kit/actions';
import { term } from '../kit/labels';
import { fromLocalInput, HOUR_MS, toLocalInput } from '../kit/time';
import { type AddresseeKind, type ProfileView, workOrderKinds } from '../kit/types';

/**
 * 派单: what the phone cannot settle goes to the customer's home store or account manager
 * (`POST /api/v1/work-orders`); the order then shows, live, under "Work orders I dispatched".
 */
export function DispatchForm({ workspace, profile }: { workspace: Workspace; profile: ProfileView }) {
  const { t } = useI18n();
  const { homeStoreId, accountManagerId } = profile.identity;
  const addressees: { kind: AddresseeKind; id: string; label: string }[] = [];
  if (homeStoreId) addressees.push({ kind: 'store', id: homeStoreId, label: t('pm.toStore', { id: homeStoreId }) });
  if (accountManagerId) addressees.push({ kind: 'account-manager', id: accountManagerId, label: t('pm.toAccountManager', { id: accountManagerId }) });
  const [to, setTo] = useState(0);
  const [kind, setKind] = useState<string>('device-swap');
  const [due, setDue] = useState(() => toLocalInput(Date.now() + 4 * HOUR_MS));
  const [notes, setNotes] = useState('');
  const action = useAction();

  if (addressees.length === 0) return <p class="kit-empty">{t('pm.noAddressee')}</p>;
  const addressee = addressees[Math.min(to, addressees.length - 1)]!;
  const submit = (e: Event) => {
    e.preventDefault();
    const body = {
      customerId: profile.customerId,
      addressee: { kind: addressee.kind, id: addressee.id },
      kind,
      dueAt: fromLocalInput(due),
      notes: notes.trim() || undefined,
    };
    void action.run(
      () => callApi('POST', '/api/v1/work-orders', workspace.credentials, { body }),
      () => setNotes(''),
    );
  };
  return (
    <form class="kit-form pm-form" onSubmit={submit} data-testid="dispatch-form">
      <h3>{t('pm.dispatchTitle')}</h3>
      <fieldset class="pm-choice">
        <legend>{t('pm.dispatchTo')}</legend>
        {addressees.map((a, i) => (
          <label key={a.kind}>
            <input type="radio" name="pm-dispatch-to" checked={i === to} onChange={() => setTo(i)} data-testid={`dispatch-to-${a.kind}`} />
            {a.label}
          </label>
        ))}
      </fieldset>
      <div class="pm-form-grid">
        <label for="pm-wo-kind">{t('pm.woKind')}</label>
        <select id="pm-wo-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)} data-testid="dispatch-kind">
          {workOrderKinds.map((k) => (
            <option key={k} value={k}>
              {term(t, 'kit.woKind.', k, 'kit.woKind.other')}
            </option>
          ))}
        </select>
        <label for="pm-wo-due">{t('pm.dueAt')}</label>
        <input id="pm-wo-due" type="datetime-local" value={due} onInput={(e) => setDue(e.currentTarget.value)} required data-testid="dispatch-due" />
      </div>
      <label for="pm-wo-notes">{t('pm.notes')}</label>
      <textarea id="pm-wo-notes" rows={2} maxLength={500} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} data-testid="dispatch-notes" />
      <div class="pm-form-row">
        <button type="submit" class="button-primary" disabled={action.busy} data-testid="dispatch-submit">
          {t('pm.dispatch')}
        </button>
        <ActionMessage status={action.status} done={t('pm.dispatched')} testId="dispatch-message" />
      </div>
    </form>
  );
}
