import {
  type HubConnection,
  HubConnectionBuilder,
  HubConnectionState,
  type IRetryPolicy,
  LogLevel,
} from '@microsoft/signalr';
import type { Credentials } from './api';
import { Observable } from './observable';
import { BackoffRetryPolicy } from './retry';

/** What the header shows. `reconnecting` covers the first connection too; `offline` means it has failed for a while. */
export type ConnectionState = 'live' | 'reconnecting' | 'offline';

export interface LiveStatus {
  state: ConnectionState;
  /** False until the first connection succeeds: lets the view say "connecting" rather than "reconnecting". */
  everConnected: boolean;
}

/** The hub's answer to Subscribe: the topic's state at the moment the subscription took hold. */
export interface TopicSnapshot {
  topic: string;
  version: number;
  /** For a `customer:` topic: the profile (null while the customer is not registered). */
  profile: unknown;
  /** For list and board topics (portfolio, alerts, store, tiers): their state. */
  data?: unknown;
  /** For `workorders:` topics: the inbox's orders. */
  workOrders?: unknown;
}

/** Every push from the hub names its topic. */
export interface TopicMessage {
  topic: string;
  version: number;
  [field: string]: unknown;
}

/** The hub's "look again": the notices of these topics (or of all, when `all`) were dropped; read them again. */
export interface ResyncMessage {
  all: boolean;
  topics: string[];
}

export interface TopicListener {
  /** After every (re)subscription: the state to render from. */
  onSnapshot(snapshot: TopicSnapshot): void;
  /** A push for the topic; `kind` is the hub method name, e.g. profileChanged. */
  onMessage?(kind: string, message: TopicMessage): void;
  onSubscribeFailed?(error: unknown): void;
}

export interface LiveOptions {
  url: string;
  retryPolicy: IRetryPolicy;
  /** How long a lost connection counts as `reconnecting` before the state says `offline`. */
  offlineAfterMs: number;
  /** The hub methods to route to topic listeners. */
  messageKinds: readonly string[];
  /**
   * The session. Its token goes with every (re)connection: the JS client sends it as the `access_token` query
   * parameter on WebSockets (browsers cannot set headers there) and as a bearer header on negotiate. A 401
   * stops the connection and ends the session instead of retrying.
   */
  credentials?: Credentials;
}

const defaults: LiveOptions = {
  url: '/hubs/console',
  retryPolicy: new BackoffRetryPolicy(),
  offlineAfterMs: 10_000,
  messageKinds: ['profileChanged', 'walkIn', 'alertChanged', 'tierChanged', 'workOrderChanged'],
};

/**
 * The console's one SignalR connection. It owns the set of followed topics: the server forgets a connection's
 * subscriptions when it drops, so after every (re)connection each topic is subscribed again and its listeners
 * re-render from the fresh snapshot. The connection never gives up, unless the gateway refuses its token (401):
 * then it stops and tells the session, since only signing in again can help.
 */
export class LiveConnection {
  readonly status = new Observable<LiveStatus>({ state: 'reconnecting', everConnected: false });

  private readonly options: LiveOptions;
  private readonly hub: HubConnection;
  private readonly topics = new Map<string, Set<TopicListener>>();
  /** Bumped on every successful (re)connection; a subscription belongs to the connection it was made on. */
  private generation = 0;
  /** Topic → the generation in which Subscribe was sent, so a topic is not subscribed twice on one connection. */
  private readonly subscribed = new Map<string, number>();
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  private wakeStartLoop: (() => void) | undefined;
  private starting = false;
  private stopped = false;
  /** The browser coming back online cuts a wait between connection attempts short. */
  private readonly onOnline = () => this.wakeStartLoop?.();

  constructor(options: Partial<LiveOptions> = {}) {
    this.options = { ...defaults, ...options };
    const { credentials, retryPolicy } = this.options;
    this.hub = new HubConnectionBuilder()
      // An empty token is not sent at all, which the gateway answers with 401 once it requires one.
      .withUrl(this.options.url, credentials ? { accessTokenFactory: () => credentials.token() ?? '' } : {})
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) =>
          isUnauthorized(context.retryReason) ? this.refused() : retryPolicy.nextRetryDelayInMilliseconds(context),
      })
      .configureLogging(LogLevel.Warning)
      .build();
    this.hub.onreconnecting(() => this.onDisconnected());
    this.hub.onreconnected(() => this.onConnected());
    // Automatic reconnect only gives up if the policy does (ours never does), but the server can also close
    // the connection without allowing a reconnect: start over then.
    this.hub.onclose(() => {
      if (!this.stopped) void this.startLoop();
    });
    for (const kind of this.options.messageKinds) {
      this.hub.on(kind, (message: TopicMessage) => this.route(kind, message));
    }
    this.hub.on('resync', (message: ResyncMessage) => this.resync(message));
  }

  start(): void {
    this.stopped = false;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    void this.startLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    this.wakeStartLoop?.();
    await this.hub.stop();
  }

  /** The gateway refused the token: retrying cannot help, the user has to sign in again. */
  private refused(): null {
    this.stopped = true;
    // Not from inside SignalR's retry callback: ending the session stops this connection.
    queueMicrotask(() => this.options.credentials?.rejected());
    return null;
  }

  /** Follows a topic until the returned function is called. */
  follow(topic: string, listener: TopicListener): () => void {
    let listeners = this.topics.get(topic);
    if (!listeners) this.topics.set(topic, (listeners = new Set()));
    listeners.add(listener);
    if (this.hub.state === HubConnectionState.Connected) void this.subscribe(topic);
    return () => this.unfollow(topic, listener);
  }

  private unfollow(topic: string, listener: TopicListener): void {
    const listeners = this.topics.get(topic);
    if (!listeners?.delete(listener) || listeners.size > 0) return;
    this.topics.delete(topic);
    this.subscribed.delete(topic);
    if (this.hub.state === HubConnectionState.Connected) {
      this.hub.invoke('Unsubscribe', topic).catch((e: unknown) => console.warn(`Unsubscribe ${topic} failed`, e));
    }
  }

  /** The first connection. HubConnection's automatic reconnect covers only connections that were once up. */
  private async startLoop(): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    this.onDisconnected();
    const began = Date.now();
    try {
      for (let failures = 0; !this.stopped; failures++) {
        try {
          await this.hub.start();
          this.onConnected();
          return;
        } catch (error) {
          if (isUnauthorized(error)) {
            this.refused();
            return;
          }
          const delay = this.options.retryPolicy.nextRetryDelayInMilliseconds({
            previousRetryCount: failures,
            elapsedMilliseconds: Date.now() - began,
            retryReason: error instanceof Error ? error : new Error(String(error)),
          });
          await this.sleep(delay ?? 30_000);
        }
      }
    } finally {
      this.starting = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeStartLoop = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      // The browser coming back online (or stop()) cuts the wait short.
      this.wakeStartLoop = done;
    });
  }

  private onConnected(): void {
    clearTimeout(this.offlineTimer);
    this.offlineTimer = undefined;
    this.generation++;
    this.subscribed.clear();
    this.status.set({ state: 'live', everConnected: true });
    for (const topic of this.topics.keys()) void this.subscribe(topic);
  }

  private onDisconnected(): void {
    this.subscribed.clear();
    const { state, everConnected } = this.status.get();
    if (state === 'live') this.status.set({ state: 'reconnecting', everConnected });
    this.offlineTimer ??= setTimeout(() => {
      this.offlineTimer = undefined;
      if (this.hub.state !== HubConnectionState.Connected) {
        this.status.set({ state: 'offline', everConnected: this.status.get().everConnected });
      }
    }, this.options.offlineAfterMs);
  }

  private async subscribe(topic: string): Promise<void> {
    const generation = this.generation;
    if (this.subscribed.get(topic) === generation) return;
    this.subscribed.set(topic, generation);
    try {
      const snapshot = await this.hub.invoke<TopicSnapshot>('Subscribe', topic);
      // Dropped meanwhile (the next connection subscribes again) or no longer followed: not ours to apply.
      if (generation !== this.generation) return;
      for (const listener of [...(this.topics.get(topic) ?? [])]) listener.onSnapshot(snapshot);
    } catch (error) {
      if (generation !== this.generation) return;
      // Retried on the next reconnection; a topic the server refuses stays unsubscribed until then.
      if (this.subscribed.get(topic) === generation) this.subscribed.delete(topic);
      console.warn(`Subscribe ${topic} failed`, error);
      for (const listener of [...(this.topics.get(topic) ?? [])]) listener.onSubscribeFailed?.(error);
    }
  }

  /**
   * The gateway dropped this console's backlog of notices (it did not take them fast enough): the topics named, or
   * all when `all` is set, are read again exactly as after a reconnection — a fresh snapshot, then newer notices.
   */
  private resync(message: ResyncMessage): void {
    const named = message?.all ? [...this.topics.keys()] : (message?.topics ?? []).filter((t) => this.topics.has(t));
    for (const topic of named) {
      this.subscribed.delete(topic);
      void this.subscribe(topic);
    }
  }

  private route(kind: string, message: TopicMessage): void {
    if (typeof message?.topic !== 'string') return;
    for (const listener of [...(this.topics.get(message.topic) ?? [])]) listener.onMessage?.(kind, message);
  }
}

/**
 * The gateway refused the token. SignalR's negotiate wraps the HTTP error into one that keeps only its message
 * ("… Status code '401'"), so the message is what is left to read.
 */
function isUnauthorized(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as { statusCode?: unknown }).statusCode === 401 || /Status code '401'/.test(error.message);
}
