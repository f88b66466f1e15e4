import { useEffect } from 'react';

const EVENT = 'tags-changed';

/** Says that tags or who carries them changed, so every tag list and count on the page is read again. */
export const announceTagsChanged = () => window.dispatchEvent(new Event(EVENT));

/** Reads again (`reload`) whenever tags change anywhere on the page. */
export function useTagsChanged(reload: () => void) {
  useEffect(() => {
    window.addEventListener(EVENT, reload);
    return () => window.removeEventListener(EVENT, reload);
  }, [reload]);
}
