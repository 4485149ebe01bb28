import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { refusalOf } from '../api/refusal';

/**
 * One action on a case: a titled form with a text (note, reason) and a button. A refusal is
 * shown in plain words under it; success clears the text.
 */
export function ActionForm({
  id,
  title,
  textLabel,
  submitLabel,
  run,
  children,
  textRequired = true,
}: {
  id?: string;
  title: string;
  textLabel: string;
  submitLabel: string;
  run: (text: string) => Promise<unknown>;
  children?: ReactNode;
  textRequired?: boolean;
}) {
  const textId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await run(text);
      setText('');
    } catch (error) {
      setMessage(refusalOf(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form id={id} className="action" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {children}
      <label htmlFor={textId}>{textLabel}</label>
      <textarea
        id={textId}
        rows={2}
        value={text}
        required={textRequired}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
      {message && (
        <p role="alert" className="refusal">
          {message}
        </p>
      )}
    </form>
  );
}
