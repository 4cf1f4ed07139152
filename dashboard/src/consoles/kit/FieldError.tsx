/** What a field is missing, said at once to screen readers too (role alert). */
export function FieldError({ id, text, testId }: { id?: string; text: string; testId?: string }) {
  return (
    <p id={id} class="kit-field-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
