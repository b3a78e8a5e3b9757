import { useMemo, useRef } from 'react';
import { newActionKey } from '../../../api/client.js';

/**
 * One Idempotency-Key per user action: made when the person acts, and the same one again when the
 * same action (the same request body) is tried again after a failure, so the server does it once.
 */
export function useActionKey() {
  const last = useRef<{ payload: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(payload: string): string {
        if (last.current?.payload === payload) return last.current.key;
        const key = newActionKey();
        last.current = { payload, key };
        return key;
      },
      /** The action is done: the next one gets a new key even with the same body. */
      done(): void {
        last.current = null;
      },
    }),
    [],
  );
}
