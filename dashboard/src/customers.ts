import { type CustomerLookup, type CustomerProfile, isProfile } from './api';
import type { LiveConnection, TopicListener, TopicMessage, TopicSnapshot } from './live';
import { Observable } from './observable';
import { backoffDelay } from './retry';

/** `forbidden`: the gateway does not let this user see the customer (a 403, or the hub refusing the topic). */
export type CardStatus = 'loading' | 'found' | 'notFound' | 'error' | 'forbidden';

/** Reads one customer's profile, e.g. `GET /api/v1/customers/{id}` with the session's token. */
export type FetchProfile = (id: string) => Promise<CustomerLookup>;

/** What a card renders. `version` is the version of `profile`, the one shown. */
export interface CustomerView {
  id: string;
  status: CardStatus;
  profile: CustomerProfile | null;
  version: number | null;
}

export const customerTopic = (id: string) => `customer:${id}`;

/** Consecutive re-fetches that come back no newer than the announced version before waiting for the next push. */
const MAX_BEHIND_RETRIES = 5;

/**
 * One customer's live profile. The invariant: the version shown only ever grows. A snapshot, a push or a fetch
 * that is not newer than what is shown changes nothing, whatever order they arrive in.
 */
export class CustomerTracker implements TopicListener {
  readonly view: Observable<CustomerView>;
  /** The version on screen; -1 before anything is known. */
  private shown = -1;
  /** The highest version the hub has announced. */
  private announced = -1;
  private fetching = false;
  /** A push arrived while a fetch was in flight: fetch once more after it. */
  private again = false;
  private disposed = false;
  private readonly unfollow: () => void;

  /**
   * `live`: the console's connection, or a view of it that shapes what the topic tells the tracker.
   * `profileFromSnapshot: false` takes a snapshot's profile only as news of its version and fetches it: for a
   * console whose reasons must be in the language chosen on the page, since the hub words its snapshots in the
   * language the connection was opened with.
   */
  constructor(
    readonly id: string,
    live: Pick<LiveConnection, 'follow'>,
    private readonly fetchProfile: FetchProfile,
    private readonly options: { profileFromSnapshot?: boolean } = {},
  ) {
    this.view = new Observable<CustomerView>({ id, status: 'loading', profile: null, version: null });
    // Fetch at once rather than wait for the hub, so the card fills in even while the connection is down.
    void this.pump();
    this.unfollow = live.follow(customerTopic(id), this);
  }

  dispose(): void {
    this.disposed = true;
    this.unfollow();
  }

  onSnapshot(snapshot: TopicSnapshot): void {
    if (this.disposed || this.isForbidden()) return;
    if (isProfile(snapshot.profile) && this.options.profileFromSnapshot === false) {
      this.announced = Math.max(this.announced, snapshot.version);
    } else if (isProfile(snapshot.profile)) {
      // Equal versions re-render the same state, which is harmless; an older one can only be a snapshot read
      // before a push whose fetch has already been shown.
      if (snapshot.version >= this.shown) this.show(snapshot.profile, snapshot.version);
    } else {
      // Unknown so far. Remember the version so that the push announcing the registration is taken as news.
      this.shown = Math.max(this.shown, snapshot.version);
      if (this.view.get().profile === null) this.setView({ status: 'notFound', profile: null, version: null });
    }
    if (this.announced > this.shown) void this.pump();
  }

  onMessage(kind: string, message: TopicMessage): void {
    if (this.disposed || this.isForbidden() || kind !== 'profileChanged' || typeof message.version !== 'number') return;
    if (message.version <= this.shown) return;
    this.announced = Math.max(this.announced, message.version);
    void this.pump();
  }

  onSubscribeFailed(error: unknown): void {
    // Other failures are retried by the connection at its next reconnection; a refusal would only be refused again.
    if (!this.disposed && isNotAllowed(error)) this.forbid();
  }

  /**
   * At most one fetch in flight per customer. Pushes that arrive during a fetch coalesce into one more fetch
   * after it; if a fetch comes back older than announced (a read that raced the write), try again after a
   * backoff, a few times, then leave it to the next push or reconnection snapshot.
   */
  private async pump(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    let behind = 0;
    try {
      while (!this.disposed) {
        this.again = false;
        await this.fetchOnce();
        if (this.disposed || this.isForbidden() || this.announced <= this.shown) return;
        if (this.again) continue;
        if (++behind > MAX_BEHIND_RETRIES) return;
        await delay(backoffDelay(behind - 1, { initialMs: 250, maxMs: 4_000 }));
      }
    } finally {
      this.fetching = false;
    }
  }

  private async fetchOnce(): Promise<void> {
    try {
      const result = await this.fetchProfile(this.id);
      if (this.disposed || this.isForbidden()) return;
      if (result.kind === 'forbidden') {
        this.forbid();
      } else if (result.kind === 'found') {
        if (result.profile.version > this.shown) this.show(result.profile, result.profile.version);
      } else if (this.view.get().profile === null) {
        this.setView({ status: 'notFound', profile: null, version: null });
      }
    } catch (error) {
      console.warn(`Fetching customer ${this.id} failed`, error);
      if (!this.disposed && this.view.get().status === 'loading') this.setView({ status: 'error', profile: null, version: null });
    }
  }

  /**
   * Final for this card: it stops following the topic and fetching, so a refusal never turns into a retry loop.
   * Whatever was shown before goes: the user may no longer see it.
   */
  private forbid(): void {
    if (this.isForbidden()) return;
    this.unfollow();
    this.setView({ status: 'forbidden', profile: null, version: null });
  }

  private isForbidden(): boolean {
    return this.view.get().status === 'forbidden';
  }

  private show(profile: CustomerProfile, version: number): void {
    this.shown = version;
    this.setView({ status: 'found', profile, version });
  }

  private setView(view: Omit<CustomerView, 'id'>): void {
    this.view.set({ id: this.id, ...view });
  }
}

/** The customers on the page, in order; the URL's `?customers=` list mirrors it. */
export class CustomerBoard {
  readonly ids = new Observable<readonly string[]>([]);
  private readonly trackers = new Map<string, CustomerTracker>();

  constructor(
    private readonly live: LiveConnection,
    private readonly fetchProfile: FetchProfile,
  ) {}

  tracker(id: string): CustomerTracker | undefined {
    return this.trackers.get(id);
  }

  /** False when the customer is already on the board. */
  add(id: string): boolean {
    if (this.trackers.has(id)) return false;
    this.trackers.set(id, new CustomerTracker(id, this.live, this.fetchProfile));
    this.ids.set([...this.ids.get(), id]);
    return true;
  }

  remove(id: string): void {
    const tracker = this.trackers.get(id);
    if (!tracker) return;
    tracker.dispose();
    this.trackers.delete(id);
    this.ids.set(this.ids.get().filter((x) => x !== id));
  }

  /** At sign-out: every card stops, but the list stays as it was (it is the URL's, for the next sign-in). */
  dispose(): void {
    for (const tracker of this.trackers.values()) tracker.dispose();
    this.trackers.clear();
  }
}

/**
 * The hub refused a subscription because of who is asking. SignalR passes a HubException's message on, after
 * its own preamble ("An unexpected error occurred invoking 'Subscribe' on the server. HubException: …").
 */
export function isNotAllowed(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /HubException: .*not allowed/i.test(message);
}

/** Ids as typed or put in the URL: separated by commas or white space, at most 64 characters each. */
export function parseCustomerIds(text: string): string[] {
  const ids = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 64);
  return [...new Set(ids)];
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
