import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useTopic } from '../../frames';
import type { LiveConnection, TopicMessage, TopicSnapshot } from '../../live';
import { backoffDelay } from '../../retry';

/** A list as read whole: from a topic's snapshot, or from its REST read when a push said "look again". */
export interface ListRead<T> {
  version: number;
  items: readonly T[];
}

/** What one push means for the list. */
export type ListPush<T> = { item: T; removed: boolean } | 'lookAgain' | null;

export interface ListSpec<T> {
  /** The row's identity: a customer id, a work-order id. */
  key(item: T): string;
  /** The row's own version (a line's `version`, an order's `step`): an older copy never replaces a newer one. */
  version(item: T): number;
  fromSnapshot(snapshot: TopicSnapshot): ListRead<T>;
  fromPush(kind: string, message: TopicMessage): ListPush<T>;
  /** The REST read of the same list, null when it failed. */
  reread(): Promise<ListRead<T> | null>;
}

interface Entry<T> {
  /** null: the row left the list (kept, so an older copy of it cannot bring it back). */
  item: T | null;
  itemVersion: number;
  /** The list version at which this was learnt: what a later whole read may overrule. */
  listVersion: number;
}

interface ListState<T> {
  /** The version of the snapshot the list was built from. */
  base: number;
  entries: ReadonlyMap<string, Entry<T>>;
  /** The highest list version a push announced without saying what changed: the list must be read again. */
  lookAgain: number;
}

function fromRead<T>(spec: ListSpec<T>, read: ListRead<T>): ListState<T> {
  const entries = new Map<string, Entry<T>>();
  for (const item of read.items) {
    const key = spec.key(item);
    const itemVersion = spec.version(item);
    // A list may hold a row twice (a customer who walked in again): the newest copy stands for it.
    if ((entries.get(key)?.itemVersion ?? -Infinity) < itemVersion) entries.set(key, { item, itemVersion, listVersion: read.version });
  }
  return { base: read.version, entries, lookAgain: -1 };
}

function applyPush<T>(spec: ListSpec<T>, state: ListState<T>, kind: string, message: TopicMessage): ListState<T> {
  const push = spec.fromPush(kind, message);
  if (push === null) return state;
  if (push === 'lookAgain') return { ...state, lookAgain: Math.max(state.lookAgain, message.version) };
  const key = spec.key(push.item);
  const itemVersion = spec.version(push.item);
  const seen = state.entries.get(key);
  // Equal versions do apply: a removal carries the line as it was last seen.
  if (seen && seen.itemVersion > itemVersion) return state;
  const entries = new Map(state.entries);
  entries.set(key, { item: push.removed ? null : push.item, itemVersion, listVersion: message.version });
  return { ...state, entries };
}

/**
 * A whole read laid under what pushes taught since: a row learnt from a push newer than the read stays, every
 * other row is the read's — so a row the read no longer has is gone.
 */
function laidOver<T>(spec: ListSpec<T>, state: ListState<T>, read: ListRead<T> | null): ListState<T> {
  if (!read || read.version <= state.base) return state;
  const merged = fromRead(spec, read);
  const entries = merged.entries as Map<string, Entry<T>>;
  for (const [key, entry] of state.entries) {
    const fromRead = entries.get(key);
    if (entry.listVersion > read.version && !(fromRead && fromRead.itemVersion > entry.itemVersion)) entries.set(key, entry);
  }
  return { ...merged, lookAgain: state.lookAgain };
}

/**
 * A list topic's rows, live: the snapshot, then each push kept by its row's own version, and — when a push
 * says "look again" (a renewal found a gap, or the push names only what changed) — one REST read at a time,
 * laid under the pushes that came after it. Null until the first snapshot.
 */
export function useLiveList<T>(live: LiveConnection, topic: string | null, spec: ListSpec<T>): { items: T[] | null; error: unknown } {
  const specRef = useRef(spec);
  specRef.current = spec;
  const followed = useTopic<ListState<T>>(
    live,
    topic,
    (snapshot) => fromRead(specRef.current, specRef.current.fromSnapshot(snapshot)),
    (state, kind, message) => applyPush(specRef.current, state, kind, message),
  );
  const [read, setRead] = useState<ListRead<T> | null>(null);
  const rereader = useMemo(() => new Rereader<ListRead<T>>(() => specRef.current.reread(), setRead), [topic]);
  useEffect(() => {
    setRead(null);
    return () => rereader.dispose();
  }, [rereader]);

  const state = followed.state;
  useEffect(() => {
    if (state) rereader.want(state.lookAgain, Math.max(state.base, read?.version ?? -1));
  }, [rereader, state?.lookAgain, state?.base, read?.version]);

  const items = useMemo(() => {
    if (!state) return null;
    const list = laidOver(spec, state, read);
    const out: T[] = [];
    for (const entry of list.entries.values()) if (entry.item !== null) out.push(entry.item);
    return out;
  }, [state, read]);
  return { items, error: followed.error };
}

/**
 * Reads a list again when asked, one read at a time: requests that come during a read make one more read after
 * it, and a read that comes back older than asked for (it raced the change) is tried again after a backoff, a
 * few times, then left to the next push or snapshot.
 */
class Rereader<R extends { version: number }> {
  private wanted = -1;
  private have = -1;
  private running = false;
  private disposed = false;

  constructor(
    private readonly read: () => Promise<R | null>,
    private readonly onRead: (read: R) => void,
  ) {}

  want(version: number, have: number): void {
    this.wanted = Math.max(this.wanted, version);
    this.have = Math.max(this.have, have);
    if (!this.running && this.wanted > this.have) void this.run();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let behind = 0; !this.disposed && this.wanted > this.have; ) {
        const read = await this.read();
        if (this.disposed) return;
        if (read && read.version > this.have) {
          this.have = read.version;
          this.onRead(read);
        }
        if (this.wanted <= this.have || ++behind > 5) return;
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(behind - 1, { initialMs: 250, maxMs: 4_000 })));
      }
    } finally {
      this.running = false;
    }
  }
}
