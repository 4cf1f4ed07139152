import { useState } from 'preact/hooks';
import type { Credentials } from '../../api';
import { recordTouchpoint } from '../../components/profile/profileApi';
import { type Translate, useI18n } from '../../i18n';

type Kind = 'visit' | 'note';
/** What happened, not its words: a change of language rewords the message. */
type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done' } | { kind: 'needsNote' } | { kind: 'refused'; reason: string } | { kind: 'failed' };

/**
 * Records an account-manager visit or a note on the customer (`POST …/touchpoints`). The timeline and profile show
 * it through the customer's push, like any other change.
 */
export function ContactForm({ customerId, credentials }: { customerId: string; credentials: Credentials }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('visit');
  const [note, setNote] = useState('');
  const [score, setScore] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const submit = async (e: Event) => {
    e.preventDefault();
    const text = note.trim();
    if (kind === 'note' && !text) {
      setStatus({ kind: 'needsNote' });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const result = await recordTouchpoint(
        customerId,
        { channel: 'account-manager-visit', kind, ...(text ? { note: text } : {}), ...(score ? { score: Number(score) } : {}) },
        credentials,
      );
      if (result.kind === 'refused') {
        setStatus({ kind: 'refused', reason: result.reason });
      } else {
        setNote('');
        setScore('');
        setStatus({ kind: 'done' });
      }
    } catch (error) {
      console.warn(`Recording a contact with ${customerId} failed`, error);
      setStatus({ kind: 'failed' });
    }
  };

  const id = (part: string) => `am-contact-${part}-${customerId}`;
  const saving = status.kind === 'saving';
  return (
    <form class="am-contact" onSubmit={(e) => void submit(e)} data-testid="contact-form" aria-labelledby={id('title')}>
      <div class="am-contact-row">
        <h3 id={id('title')}>{t('am.contactTitle')}</h3>
        <fieldset class="am-contact-kind">
          <legend class="visually-hidden">{t('am.contactKind')}</legend>
          {(['visit', 'note'] as const).map((k) => (
            <label key={k} class={kind === k ? 'is-checked' : undefined}>
              <input type="radio" name={id('kind')} value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`contact-kind-${k}`} />
              {t(k === 'visit' ? 'am.kind.visit' : 'am.kind.note')}
            </label>
          ))}
        </fieldset>
        <label class="am-contact-score" for={id('score')}>
          {t('am.contactScore')}
          <select id={id('score')} value={score} onChange={(e) => setScore((e.currentTarget as HTMLSelectElement).value)} data-testid="contact-score">
            <option value="">{t('am.contactNoScore')}</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={String(n)}>
                {'★'.repeat(n)} {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="am-contact-row">
        <label for={id('note')} class="visually-hidden">
          {t('am.contactNote')}
        </label>
        <textarea
          id={id('note')}
          rows={1}
          maxLength={500}
          value={note}
          placeholder={t('am.contactNotePlaceholder')}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          data-testid="contact-note"
        />
        <button type="submit" class="button-primary" disabled={saving} data-testid="contact-submit">
          {saving ? t('am.contactSaving') : t('am.contactSubmit')}
        </button>
      </div>
      <p role="status" class={status.kind === 'done' ? 'am-done' : 'am-problem'} data-testid="contact-status">
        {statusText(status, t)}
      </p>
    </form>
  );
}

function statusText(status: Status, t: Translate): string {
  switch (status.kind) {
    case 'done':
      return t('am.contactDone');
    case 'needsNote':
      return t('am.contactNeedsNote');
    case 'refused':
      return t('am.contactRefused', { reason: status.reason });
    case 'failed':
      return t('am.contactFailed');
    default:
      return '';
  }
}
