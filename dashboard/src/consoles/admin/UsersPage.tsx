import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiResult, Credentials } from '../../api';
import { formatInstant } from '../../format';
import { isMessageKey, type Translate, useI18n } from '../../i18n';
import { ScopeFields } from './ScopeFields';
import { createUser, listUsers, resetPassword, setDisabled, updateUser, type UserScope, type UserView } from './usersApi';
import './admin.css';

const emptyScope: UserScope = { role: 'store', storeId: '', managerId: '', region: '', grants: [], stores: [] };

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** The administrator's Users page: every user, a form for a new one, and per user disable/enable, password reset, role and scope. */
export function UsersPage({ credentials }: { credentials: Credentials }) {
  const { t, locale } = useI18n();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const reload = useCallback(async () => {
    const answer = await listUsers(credentials);
    if (answer.ok) {
      setUsers(answer.body);
      setLoadError(null);
    } else setLoadError(answer.reason);
  }, [credentials]);
  useEffect(() => void reload(), [reload]);

  /** Runs a change, says how it went, and re-reads the list when it worked. */
  const act = async (run: () => Promise<ApiResult<UserView>>, done: (u: UserView) => string): Promise<boolean> => {
    const answer = await run();
    setNotice(answer.ok ? { kind: 'ok', text: done(answer.body) } : { kind: 'error', text: t('users.refused', { reason: answer.reason }) });
    if (answer.ok) await reload();
    return answer.ok;
  };

  return (
    <section class="users-page" data-testid="users-page">
      <h2 class="console-title">{t('users.title')}</h2>
      <p class="users-intro">{t('users.intro')}</p>
      {notice && (
        <p class={`users-notice users-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="users-notice">
          {notice.text}
        </p>
      )}
      <CreateForm onCreate={(name, password, scope) => act(() => createUser(credentials, name, password, scope), (u) => t('users.created', { name: u.userName }))} />
      {loadError ? (
        <p class="users-notice users-notice-error" role="alert">
          {t('users.failed', { reason: loadError })}
        </p>
      ) : users === null ? (
        <p class="empty">{t('users.loading')}</p>
      ) : users.length === 0 ? (
        <p class="empty">{t('users.empty')}</p>
      ) : (
        <table class="users-table">
          <thead>
            <tr>
              <th>{t('users.col.name')}</th>
              <th>{t('users.col.role')}</th>
              <th>{t('users.col.scope')}</th>
              <th>{t('users.col.status')}</th>
              <th>{t('users.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow
                key={u.userName}
                user={u}
                status={statusText(u, t, locale)}
                onDisable={(disabled) =>
                  act(() => setDisabled(credentials, u.userName, disabled), (x) => t(disabled ? 'users.disabled' : 'users.enabled', { name: x.userName }))
                }
                onReset={(password) => act(() => resetPassword(credentials, u.userName, password), (x) => t('users.resetDone', { name: x.userName }))}
                onSave={(scope) => act(() => updateUser(credentials, u.userName, scope), (x) => t('users.saved', { name: x.userName }))}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateForm({ onCreate }: { onCreate: (name: string, password: string, scope: UserScope) => Promise<boolean> }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [scope, setScope] = useState<UserScope>(emptyScope);
  const [pending, setPending] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setPending(true);
    const ok = await onCreate(name.trim(), password, scope);
    setPending(false);
    if (ok) {
      setName('');
      setPassword('');
      setScope(emptyScope);
    }
  };
  return (
    <form class="users-form" data-testid="user-create-form" onSubmit={submit}>
      <h3>{t('users.create.title')}</h3>
      <label class="users-field">
        <span>{t('users.field.userName')}</span>
        <input data-testid="user-create-name" autocomplete="off" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>
      <label class="users-field">
        <span>{t('users.field.password')}</span>
        <input
          type="password"
          data-testid="user-create-password"
          autocomplete="new-password"
          value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
        />
      </label>
      <ScopeFields scope={scope} onChange={setScope} prefix="user-create" />
      <button type="submit" class="button-primary" data-testid="user-create-submit" disabled={pending}>
        {t('users.create.submit')}
      </button>
    </form>
  );
}

function UserRow(props: {
  user: UserView;
  status: string;
  onDisable: (disabled: boolean) => Promise<boolean>;
  onReset: (password: string) => Promise<boolean>;
  onSave: (scope: UserScope) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const { user } = props;
  const [open, setOpen] = useState<'none' | 'reset' | 'edit'>('none');
  const [password, setPassword] = useState('');
  const [scope, setScope] = useState<UserScope>(() => toScope(user));
  const id = user.userName;
  return (
    <>
      <tr data-testid={`user-row-${id}`} data-disabled={String(user.disabled)} class={user.disabled ? 'users-disabled' : ''}>
        <td>{id}</td>
        <td>{roleName(user.role, t)}</td>
        <td>{scopeText(user, t)}</td>
        <td data-testid={`user-status-${id}`}>{props.status}</td>
        <td class="users-actions">
          <button type="button" class="button-quiet" data-testid={`user-${user.disabled ? 'enable' : 'disable'}-${id}`} onClick={() => void props.onDisable(!user.disabled)}>
            {t(user.disabled ? 'users.enable' : 'users.disable')}
          </button>
          <button type="button" class="button-quiet" data-testid={`user-reset-${id}`} onClick={() => setOpen(open === 'reset' ? 'none' : 'reset')}>
            {t('users.reset')}
          </button>
          <button
            type="button"
            class="button-quiet"
            data-testid={`user-edit-${id}`}
            onClick={() => {
              setScope(toScope(user));
              setOpen(open === 'edit' ? 'none' : 'edit');
            }}
          >
            {t('users.edit')}
          </button>
        </td>
      </tr>
      {open !== 'none' && (
        <tr class="users-subrow">
          <td colSpan={5}>
            <form
              class="users-form users-inline"
              onSubmit={async (e) => {
                e.preventDefault();
                const ok = open === 'reset' ? await props.onReset(password) : await props.onSave(scope);
                if (ok) {
                  setPassword('');
                  setOpen('none');
                }
              }}
            >
              {open === 'reset' ? (
                <label class="users-field">
                  <span>{t('users.reset.password', { name: id })}</span>
                  <input
                    type="password"
                    autocomplete="new-password"
                    data-testid="user-reset-password"
                    value={password}
                    onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
                  />
                </label>
              ) : (
                <ScopeFields scope={scope} onChange={setScope} prefix="user-edit" />
              )}
              <button type="submit" class="button-primary" data-testid={open === 'reset' ? 'user-reset-submit' : 'user-edit-submit'}>
                {t(open === 'reset' ? 'users.reset.submit' : 'users.edit.save')}
              </button>
              <button type="button" class="button-quiet" onClick={() => setOpen('none')}>
                {t('users.cancel')}
              </button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}

function roleName(role: string, t: Translate): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

function toScope(u: UserView): UserScope {
  return { role: u.role, storeId: u.storeId ?? '', managerId: u.managerId ?? '', region: u.region ?? '', grants: u.grants ?? [], stores: u.stores ?? [] };
}

function scopeText(u: UserView, t: Translate): string {
  const parts = [
    u.storeId && t('scope.store', { id: u.storeId }),
    u.managerId && t('scope.manager', { id: u.managerId }),
    u.region && t('scope.region', { id: u.region }),
    u.grants && u.grants.length > 0 && t('users.scope.grants', { list: u.grants.join(', ') }),
    u.stores && u.stores.length > 0 && t('users.scope.stores', { list: u.stores.join(', ') }),
  ].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : t('users.scope.none');
}

function statusText(u: UserView, t: Translate, locale: Parameters<typeof formatInstant>[1]): string {
  const locked = u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? t('users.status.locked', { time: formatInstant(u.lockedUntil, locale) ?? '' }) : null;
  const base = u.disabled ? t('users.status.disabled') : (locked ?? t('users.status.active'));
  return u.demo ? `${base} (${t('users.status.demo')})` : base;
}
