import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import { useObservable, type Observable } from '../observable';
import type { Session } from '../session';
import type { Workspace } from '../workspace';
import { Account } from './Account';
import { AddCustomerForm } from './AddCustomerForm';
import { ConnectionBadge } from './ConnectionBadge';
import { CustomerCard } from './CustomerCard';
import { Header } from './Header';
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
  return <Console workspace={current} account={<Account session={state.session} onSignOut={() => session.signOut()} />} />;
}

function Console({ workspace: { board, live }, account }: { workspace: Workspace; account: ComponentChildren }) {
  const ids = useObservable(board.ids);
  const status = useObservable(live.status);
  const { t } = useI18n();
  const isLive = status.state === 'live';

  return (
    <div class={`shell ${isLive ? 'is-live' : 'not-live'}`}>
      <Header>
        <ConnectionBadge status={status} />
        {account}
      </Header>
      <main class="content">
        <div class="toolbar">
          <AddCustomerForm board={board} />
          {!isLive && status.everConnected && (
            <p class="stale-hint" role="note">
              {t('connection.notLiveHint')}
            </p>
          )}
        </div>
        {ids.length === 0 ? (
          <p class="empty">{t('emptyBoard')}</p>
        ) : (
          <div class="cards">
            {ids.map((id) => {
              const tracker = board.tracker(id);
              return tracker && <CustomerCard key={id} tracker={tracker} onRemove={(x) => board.remove(x)} />;
            })}
          </div>
        )}
      </main>
    </div>
  );
}
