import { useState } from 'preact/hooks';
import { type CustomerBoard, parseCustomerIds } from '../customers';
import { useI18n } from '../i18n';

/** Adds cards by customer ID: Enter or the button; several IDs at once may be separated by commas or spaces. */
export function AddCustomerForm({ board }: { board: CustomerBoard }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const submit = (e: Event) => {
    e.preventDefault();
    const ids = parseCustomerIds(text);
    if (ids.length === 0) {
      setMessage(t('addInvalid'));
      return;
    }
    const already = ids.filter((id) => !board.add(id));
    setText('');
    setMessage(already.length > 0 ? t('addDuplicate', { id: already.join(', ') }) : null);
    const first = already[0];
    if (first) document.querySelector(`[data-testid="customer-card-${CSS.escape(first)}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <form class="add-form" onSubmit={submit}>
      <label for="add-customer-id">{t('addLabel')}</label>
      <input
        id="add-customer-id"
        data-testid="add-customer-input"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        placeholder={t('addPlaceholder')}
        autocomplete="off"
        spellcheck={false}
      />
      <button type="submit" data-testid="add-customer-button">
        {t('addButton')}
      </button>
      {message && (
        <span class="form-message" role="alert">
          {message}
        </span>
      )}
    </form>
  );
}
