import { useEffect, useState } from 'react';

const QUERY = '(max-width: 640px)';

/** Whether the tab is in a narrow panel (the Teams meeting side panel is 320 px), followed live. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(QUERY).matches);
  useEffect(() => {
    const media = window.matchMedia(QUERY);
    const follow = () => setNarrow(media.matches);
    media.addEventListener('change', follow);
    follow();
    return () => media.removeEventListener('change', follow);
  }, []);
  return narrow;
}
