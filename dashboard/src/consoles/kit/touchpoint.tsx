import { useState } from 'preact/hooks';
import { callApi } from '../../api';
import { useI18n } from '../../i18n';
import type { Workspace } from '../../workspace';
import { useAction } from './actions';

/** The touchpoint payload of the feed, as staff record it; the gateway fills in who and, for store staff, where. */
export interface TouchpointDraft {
  channel: 'phone-manager' | 'store';
  kind: string;
  stage?: string;
  note?: string;
  score?: number;
}

/**
 * A form that records a contact (`POST /api/v1/customers/{id}/touchpoints`): its note and score, the action's
 * progress, and `record` for its submit, which clears the note and score once the contact is recorded.
 */
export function useTouchpointForm(workspace: Workspace, customerId: string) {
  const [note, setNote] = useState('');
  const [score, setScore] = useState('');
  const action = useAction();
  const record = (e: Event, draft: Omit<TouchpointDraft, 'note' | 'score'>) => {
    e.preventDefault();
    const body = { ...draft, note: note.trim() || undefined, score: score ? Number(score) : undefined };
    void action.run(
      () => callApi('POST', `/api/v1/customers/${encodeURIComponent(customerId)}/touchpoints`, workspace.credentials, { body }),
      () => {
        setNote('');
        setScore('');
      },
    );
  };
  return { note, setNote, score, setScore, action, record };
}

/** The satisfaction score of a contact, 1–5 stars, or not asked (''). */
export function ScoreSelect({ id, value, onChange, testId }: { id: string; value: string; onChange: (v: string) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid={testId}>
      <option value="">{t('kit.scoreNone')}</option>
      {[1, 2, 3, 4, 5].map((n) => (
        <option key={n} value={String(n)} aria-label={t('kit.score', { n })}>
          {'★'.repeat(n)}
        </option>
      ))}
    </select>
  );
}
