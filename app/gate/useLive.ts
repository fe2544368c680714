"use client";
// A Dexie query whose answer follows IndexedDB's changes (liveQuery), as React state.
import { liveQuery } from "dexie";
import { useEffect, useState } from "react";

export function useLive<T>(query: () => Promise<T>, initial: T, deps: unknown[] = []): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
