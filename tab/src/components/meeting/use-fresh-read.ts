import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiRequestError } from '../../api/client.js';

/**
 * A read that live events ask to repeat. A burst of events while one read is on its way costs
 * one more read, not one each: the answer of the read that starts after the last event is the
 * one kept. `read` null: nothing to read (the data is cleared).
 */
export function useFreshRead<T>(read: (() => Promise<T>) | null, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const state = useRef({ running: false, again: false, generation: 0 });
  const current = useRef(read);
  current.current = read;

  const refresh = useCallback(() => {
    const s = state.current;
    if (s.running) {
      s.again = true;
      return;
    }
    const reader = current.current;
    if (!reader) return;
    s.running = true;
    const generation = s.generation;
    void (async () => {
      do {
        s.again = false;
        try {
          const value = await reader();
          if (generation === s.generation) {
            setData(value);
            setError(null);
          }
        } catch (e) {
          if (generation === s.generation) setError(toApiError(e));
        }
      } while (s.again && generation === s.generation);
      if (generation === s.generation) s.running = false;
    })();
  }, []);

  useEffect(() => {
    // Another thing to read (another case): what was shown of the last one goes at once.
    const s = state.current;
    s.generation += 1;
    s.running = false;
    s.again = false;
    setData(null);
    setError(null);
    refresh();
  }, deps);

  return { data, setData, error, refresh };
}
