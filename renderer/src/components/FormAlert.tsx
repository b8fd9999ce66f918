import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A form-level error, announced by screen readers (role=alert). Renders nothing without a message. */
export function FormAlert({ title, messages }: { title?: string; messages: readonly string[] | string | null | undefined }) {
  const list = (typeof messages === 'string' ? [messages] : messages ?? []).filter(Boolean);
  if (list.length === 0) return null;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}.</MessageBarTitle> : null}
        {list.length === 1 ? list[0] : (
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
            {list.map((m) => <li key={m}>{m}</li>)}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A quiet success note, announced politely. */
export function SavedNote({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {message ? (
        <MessageBar intent="success">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
