import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, useI18n } from '../i18n';
import type { Session, SignedOutReason } from '../session';
import { Header } from './Header';

interface Props {
  session: Session;
  reason: SignedOutReason;
  /** Whose session expired: filled in, so only the password is asked again. */
  userName?: string | undefined;
}

/** The screen shown without a valid token. Enter submits; after a refusal the password is selected for retyping. */
export function SignInForm({ session, reason, userName: lastUser }: Props) {
  const { t } = useI18n();
  const [userName, setUserName] = useState(lastUser ?? '');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const userRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (lastUser ? passwordRef : userRef).current?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (pending) return;
    const name = userName.trim();
    if (name === '' || password === '') {
      setError('signInMissing');
      (name === '' ? userRef : passwordRef).current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const result = await session.signIn(name, password);
    // Signed in: this screen is gone. Otherwise stay, say why, and let the user retype.
    if (result === 'signedIn') return;
    setPending(false);
    setError(
      result === 'refused' ? 'signInRefused' : result === 'locked' ? 'signInLocked' : result === 'rateLimited' ? 'signInRateLimited' : 'signInUnavailable',
    );
    passwordRef.current?.focus();
    passwordRef.current?.select();
  };

  return (
    <div class="shell">
      <Header />
      <main class="signin">
        <form class="signin-form" data-testid="signin-form" onSubmit={submit} aria-labelledby="signin-title" noValidate>
          <h2 id="signin-title">{t('signInTitle')}</h2>
          {reason === 'expired' ? (
            <p class="signin-notice" role="status" data-testid="signin-reason">
              {t('sessionExpired')}
            </p>
          ) : (
            <p class="signin-intro">{t('signInIntro')}</p>
          )}
          <label for="signin-user">{t('userNameLabel')}</label>
          <input
            id="signin-user"
            ref={userRef}
            data-testid="signin-user"
            name="username"
            value={userName}
            onInput={(e) => setUserName(e.currentTarget.value)}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            aria-invalid={error === 'signInRefused' || (error === 'signInMissing' && userName.trim() === '')}
            aria-describedby={error ? 'signin-error' : undefined}
          />
          <label for="signin-password">{t('passwordLabel')}</label>
          <input
            id="signin-password"
            ref={passwordRef}
            data-testid="signin-password"
            name="password"
            type="password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            autocomplete="current-password"
            aria-invalid={error === 'signInRefused' || (error === 'signInMissing' && password === '')}
            aria-describedby={error ? 'signin-error' : undefined}
          />
          {error && (
            <p id="signin-error" class="signin-error" role="alert" data-testid="signin-error">
              {t(error)}
            </p>
          )}
          <button type="submit" class="button-primary" data-testid="signin-submit" disabled={pending} aria-busy={pending}>
            {pending ? t('signingIn') : t('signInButton')}
          </button>
        </form>
      </main>
    </div>
  );
}
