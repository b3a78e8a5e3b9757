import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiRequestError } from '../api/client.js';

/** Shows an API error as the user should see it: what happened, which fields, a reference. */
export function ErrorBar({ error, title }: { error: ApiRequestError | null; title?: string }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title ?? 'That did not work'}</MessageBarTitle>
        {error.message}
        {error.details.length > 0 && (
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {error.details.map((d) => (
              // The path only finds a field; people read the message, which names it in words.
              <li key={`${d.path}:${d.message}`}>{d.message}</li>
            ))}
          </ul>
        )}
        {error.correlationId && (
          <div style={{ marginTop: 4, opacity: 0.8 }}>Reference: {error.correlationId}</div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
