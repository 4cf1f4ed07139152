import { type Credentials, isSignedToken, requestToken, type SignedToken } from './api';
import { Observable } from './observable';

/** Why the sign-in screen is shown: `expired` when a session ended by itself (its time ran out, or a 401). */
export type SignedOutReason = 'expired' | null;

export type SessionState =
  | { kind: 'signedIn'; session: SignedToken }
  /** `userName`: whose session expired, so the form asks only for the password again. */
  | { kind: 'signedOut'; reason: SignedOutReason; userName?: string };

export type SignInResult = 'signedIn' | 'refused' | 'locked' | 'rateLimited' | 'unavailable';

const storageKey = 'c360.session';

/** The longest delay setTimeout keeps (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Who is signed in, and the bearer token every call sends. The token lives in sessionStorage: it survives a
 * reload of the tab but not the closing of it, and no other tab or later visitor of the browser finds it.
 * A session ends by hand (sign out), when its expiry passes, or when the gateway answers 401.
 */
export class Session implements Credentials {
  readonly state: Observable<SessionState>;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly storage: Storage | null = sessionStorageOrNull()) {
    const saved = this.load();
    if (saved && !hasExpired(saved)) {
      this.state = new Observable<SessionState>({ kind: 'signedIn', session: saved });
      this.scheduleExpiry(saved);
    } else {
      this.state = new Observable<SessionState>(saved ? { kind: 'signedOut', reason: 'expired', userName: saved.user } : { kind: 'signedOut', reason: null });
      if (saved) this.save(null);
    }
  }

  token(): string | null {
    const state = this.state.get();
    if (state.kind !== 'signedIn') return null;
    // A timer can fire late (a sleeping laptop, a throttled background tab): the clock decides, not the timer.
    if (hasExpired(state.session)) {
      this.end('expired');
      return null;
    }
    return state.session.token;
  }

  rejected(): void {
    this.end('expired');
  }

  async signIn(userName: string, password: string): Promise<SignInResult> {
    let answer: Awaited<ReturnType<typeof requestToken>>;
    try {
      answer = await requestToken(userName, password);
    } catch (error) {
      console.warn('Sign-in failed', error);
      return 'unavailable';
    }
    if (answer.kind !== 'signedIn') return answer.kind;
    if (hasExpired(answer.token)) {
      // Only a badly wrong clock on this machine gets here; the token would be dropped at once.
      console.warn('Sign-in returned a token that has already expired by this machine\u2019s clock');
      return 'unavailable';
    }
    this.save(answer.token);
    this.scheduleExpiry(answer.token);
    this.state.set({ kind: 'signedIn', session: answer.token });
    return 'signedIn';
  }

  signOut(): void {
    this.end(null);
  }

  private end(reason: SignedOutReason): void {
    const state = this.state.get();
    if (state.kind !== 'signedIn') return;
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    this.save(null);
    this.state.set(reason === 'expired' ? { kind: 'signedOut', reason, userName: state.session.user } : { kind: 'signedOut', reason });
  }

  private scheduleExpiry(session: SignedToken): void {
    clearTimeout(this.expiryTimer);
    const left = Date.parse(session.expiresAt) - Date.now();
    this.expiryTimer = setTimeout(() => {
      this.expiryTimer = undefined;
      // token() ends the session if its time is up, or re-arms for the rest of an overlong wait.
      if (this.token() !== null) this.scheduleExpiry(session);
    }, Math.min(Math.max(left, 0), MAX_TIMER_MS));
  }

  private load(): SignedToken | null {
    try {
      const text = this.storage?.getItem(storageKey);
      if (!text) return null;
      const value: unknown = JSON.parse(text);
      return isSignedToken(value) ? value : null;
    } catch {
      return null;
    }
  }

  private save(session: SignedToken | null): void {
    try {
      if (session) this.storage?.setItem(storageKey, JSON.stringify(session));
      else this.storage?.removeItem(storageKey);
    } catch {
      // Storage disabled or full: the session still works in this page, only a reload asks to sign in again.
    }
  }
}

function hasExpired(session: SignedToken): boolean {
  return !(Date.parse(session.expiresAt) > Date.now());
}

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
