import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { LiveConnection, TopicMessage, TopicSnapshot } from './live';

/**
 * Runs `flush` once in the next animation frame however many times `schedule` is called before it: a burst of
 * pushes becomes one render per frame, so no console freezes under load. Without a window (tests, workers) a
 * zero timeout stands in for the frame.
 */
export class FrameQueue {
  private scheduled = false;

  constructor(private readonly flush: () => void) {}

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flush();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    else setTimeout(run, 0);
  }
}

/** What a topic's view holds: the state built from its snapshot and the pushes since, or null before the first snapshot. */
export interface TopicState<S> {
  state: S | null;
  /** The topic version of the last snapshot or push applied. */
  version: number;
  /** Set when the subscription was refused (outside the user's scope) or failed. */
  error: unknown;
}

/**
 * Follows `topic` on the console's connection: `init` builds the state from each (re)subscription's snapshot,
 * `apply` folds in each push. Pushes are applied in arrival order and rendered at most once per frame. A
 * snapshot replaces the state; pushes it already covers (version not above it) are dropped.
 */
export function useTopic<S>(
  live: LiveConnection,
  topic: string | null,
  init: (snapshot: TopicSnapshot) => S,
  apply: (state: S, kind: string, message: TopicMessage) => S,
): TopicState<S> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const current = useRef<TopicState<S>>({ state: null, version: -1, error: null });
  const fns = useRef({ init, apply });
  fns.current = { init, apply };

  useEffect(() => {
    current.current = { state: null, version: -1, error: null };
    if (!topic) return undefined;
    let pending: { kind: string; message: TopicMessage }[] = [];
    const frames = new FrameQueue(() => {
      const now = current.current;
      let state = now.state;
      let version = now.version;
      for (const { kind, message } of pending) {
        if (state === null) continue;
        state = fns.current.apply(state, kind, message);
        version = Math.max(version, message.version);
      }
      pending = [];
      current.current = { state, version, error: now.error };
      rerender(0);
    });
    const stop = live.follow(topic, {
      onSnapshot(snapshot) {
        pending = pending.filter((p) => p.message.version > snapshot.version);
        current.current = { state: fns.current.init(snapshot), version: snapshot.version, error: null };
        frames.schedule();
      },
      onMessage(kind, message) {
        pending.push({ kind, message });
        frames.schedule();
      },
      onSubscribeFailed(error) {
        current.current = { ...current.current, error };
        frames.schedule();
      },
    });
    return stop;
  }, [live, topic]);

  return current.current;
}
