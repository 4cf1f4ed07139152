import { useState } from 'preact/hooks';
import { FieldError } from './FieldError';

interface Props {
  id: string;
  label: string;
  placeholder: string;
  submit: string;
  /** Said when the form is sent without an outcome (the API would refuse it: 400). */
  missing: string;
  busy: boolean;
  onOutcome: (outcome: string) => void;
  testIds: { input: string; submit: string };
  buttonClass?: string;
}

/** A step that needs what came of it (resolving an alert, completing a work order): the outcome, then the button. */
export function OutcomeForm({ id, label, placeholder, submit, missing, busy, onOutcome, testIds, buttonClass = '' }: Props) {
  const [outcome, setOutcome] = useState('');
  const [isMissing, setMissing] = useState(false);
  return (
    <>
      <form
        class="kit-form kit-outcome"
        onSubmit={(e) => {
          e.preventDefault();
          setMissing(!outcome.trim());
          if (outcome.trim()) onOutcome(outcome.trim());
        }}
      >
        <label for={id}>{label}</label>
        <input
          id={id}
          type="text"
          maxLength={500}
          value={outcome}
          placeholder={placeholder}
          aria-invalid={isMissing}
          aria-describedby={isMissing ? `${id}-missing` : undefined}
          onInput={(e) => setOutcome(e.currentTarget.value)}
          data-testid={testIds.input}
        />
        <button type="submit" class={`button-primary ${buttonClass}`} disabled={busy} data-testid={testIds.submit}>
          {submit}
        </button>
      </form>
      {isMissing && <FieldError id={`${id}-missing`} text={missing} />}
    </>
  );
}
