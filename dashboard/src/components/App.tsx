import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { AccountManagerConsole } from '../consoles/account-manager/AccountManagerConsole';
import { OrleansDashboardLink } from '../consoles/admin/OrleansDashboardLink';
import { UsersPage } from '../consoles/admin/UsersPage';
import type { ConsoleProps } from '../consoles/ConsoleProps';
import { PhoneManagerConsole } from '../consoles/phone-manager/PhoneManagerConsole';
import { StoreConsole } from '../consoles/store/StoreConsole';
import { SupervisorConsole } from '../consoles/supervisor/SupervisorConsole';
import { useI18n } from '../i18n';
import { useObservable, type Observable } from '../observable';
import type { Session } from '../session';
import type { Workspace } from '../workspace';
import { Account } from './Account';
import { ConsoleShell } from './ConsoleShell';
import { CustomerBoardView } from './CustomerBoardView';
import { SignInForm } from './SignInForm';

export function App({ session, workspace }: { session: Session; workspace: Observable<Workspace | null> }) {
  const state = useObservable(session.state);
  const current = useObservable(workspace);
  if (state.kind !== 'signedIn' || !current) {
    const reason = state.kind === 'signedOut' ? state.reason : null;
    const userName = state.kind === 'signedOut' ? state.userName : undefined;
    // Keyed, so that each sign-out starts from a fresh form (and focus) rather than the last one's state.
    return <SignInForm key={`${reason}:${userName ?? ''}`} session={session} reason={reason} userName={userName} />;
  }
  const account = <Account session={state.session} onSignOut={() => session.signOut()} />;
  return <RoleConsole workspace={current} session={state.session} account={account} />;
}

/** The console that fits the signed-in role; administrators get the customer cards. */
function RoleConsole(props: ConsoleProps) {
  const consoles: Record<string, (p: ConsoleProps) => ComponentChildren> = {
    store: StoreConsole,
    'account-manager': AccountManagerConsole,
    'phone-manager': PhoneManagerConsole,
    supervisor: SupervisorConsole,
  };
  const Console = consoles[props.session.role] ?? AdminConsole;
  return <Console {...props} />;
}

/** The administrator's console: the customer cards, and the Users page (users, roles, scopes). */
function AdminConsole({ workspace, account }: ConsoleProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'customers' | 'users'>('customers');
  return (
    <ConsoleShell live={workspace.live} account={account}>
      <div class="segmented admin-tabs" role="group">
        {(['customers', 'users'] as const).map((k) => (
          <button key={k} type="button" data-testid={`admin-tab-${k}`} aria-pressed={tab === k} onClick={() => setTab(k)}>
            {t(`admin.tab.${k}`)}
          </button>
        ))}
      </div>
      <OrleansDashboardLink credentials={workspace.credentials} />
      {tab === 'customers' ? <CustomerBoardView workspace={workspace} /> : <UsersPage credentials={workspace.credentials} />}
    </ConsoleShell>
  );
}

