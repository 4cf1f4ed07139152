import { useEffect, useReducer } from 'preact/hooks';

type Listener<T> = (value: T) => void;

/** A value that can be watched: the state shared between the live connection, the stores and the views. */
export class Observable<T> {
  private readonly listeners = new Set<Listener<T>>();

  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener(value);
  }

  /** Returns the function that stops the subscription. */
  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Re-renders the calling component whenever the observable changes; returns its current value. */
export function useObservable<T>(source: Observable<T>): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const rendered = source.get();
  useEffect(() => {
    const stop = source.subscribe(() => rerender(0));
    // A change between this render and the subscription would otherwise be missed until the next one.
    if (!Object.is(source.get(), rendered)) rerender(0);
    return stop;
  }, [source]);
  return rendered;
}
