import type { SignedToken } from '../api';
import { humanize } from '../format';
import { isMessageKey, type Translate, useI18n } from '../i18n';

/** Who is signed in (user, role, scope) and the way out. */
export function Account({ session, onSignOut }: { session: SignedToken; onSignOut: () => void }) {
  const { t } = useI18n();
  const roleKey = `role.${session.role}`;
  return (
    <div class="account" data-testid="signed-in">
      <span class="account-who">
        <span class="visually-hidden">{t('signedInAs')} </span>
        <strong data-testid="signed-in-user">{session.user}</strong>
        <span class="account-role" data-testid="signed-in-role">
          {isMessageKey(roleKey) ? t(roleKey) : humanize(session.role)} · <span data-testid="signed-in-scope">{scopeText(session, t)}</span>
        </span>
      </span>
      <button type="button" class="button-quiet" data-testid="sign-out" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </div>
  );
}

function scopeText(session: SignedToken, t: Translate): string {
  const parts = [
    session.storeId && t('scope.store', { id: session.storeId }),
    session.managerId && t('scope.manager', { id: session.managerId }),
    session.region && t('scope.region', { id: session.region }),
  ].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : t('scope.all');
}
