// Which of a list's columns are shown, remembered per list in localStorage.
import { useCallback, useState } from 'react';

const PREFIX = 'bizdesk.columns.';

function readHidden(storageKey: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(PREFIX + storageKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers the hidden keys, so columns added later show up by default. */
export function useColumnVisibility(storageKey: string) {
  const [hidden, setHidden] = useState<string[]>(() => readHidden(storageKey));
  const setVisible = useCallback(
    (key: string, visible: boolean) => {
      setHidden((current) => {
        const next = visible ? current.filter((k) => k !== key) : [...new Set([...current, key])];
        localStorage.setItem(PREFIX + storageKey, JSON.stringify(next));
        return next;
      });
    },
    [storageKey],
  );
  const isVisible = useCallback((key: string) => !hidden.includes(key), [hidden]);
  return { isVisible, setVisible };
}
