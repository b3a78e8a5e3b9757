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
              <li key={`${d.path}:${d.message}`}>
                {d.path ? `${d.path}: ` : ''}
                {d.message}
              </li>
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
