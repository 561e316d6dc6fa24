/** A labelled input whose hint and inline error are tied to it with aria-describedby. */
import type { JSX, TargetedInputEvent } from 'preact';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput?: (value: string) => void;
  /** URLs stay `text` (with `inputMode="url"`): the browser's own URL check would pre-empt ours. */
  type?: 'text' | 'password';
  hint?: string;
  error?: string | undefined;
  placeholder?: string | undefined;
  readOnly?: boolean;
  inputMode?: 'text' | 'numeric' | 'url';
  autoComplete?: string;
}

export function TextField(props: TextFieldProps): JSX.Element {
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.hint && hintId, props.error && errorId].filter(Boolean).join(' ');
  const common = {
    id: props.id,
    value: props.value,
    placeholder: props.placeholder,
    readOnly: props.readOnly,
    inputMode: props.inputMode,
    autoComplete: props.autoComplete ?? 'off',
    spellcheck: false,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    onInput: (event: TargetedInputEvent<HTMLInputElement>) => props.onInput?.(event.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {/* Two branches: Preact types password inputs apart from text ones. */}
      {props.type === 'password' ? <input type="password" {...common} /> : <input type="text" {...common} />}
      {props.hint && (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      )}
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

export function FieldError(props: { id: string; message: string | undefined }): JSX.Element | null {
  if (!props.message) return null;
  return (
    <p id={props.id} class="field-error">
      {props.message}
    </p>
  );
}
