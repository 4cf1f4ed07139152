import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import type { LiveConnection } from '../live';
import { useObservable } from '../observable';
import { ConnectionBadge } from './ConnectionBadge';
import { Header } from './Header';

/**
 * The frame every console shares: the top bar with the connection state and who is signed in, the banner
 * that says the figures may be stale while the connection is down, and the console's own content.
 */
export function ConsoleShell({ live, account, children }: { live: LiveConnection; account: ComponentChildren; children: ComponentChildren }) {
  const status = useObservable(live.status);
  const { t } = useI18n();
  const isLive = status.state === 'live';
  return (
    <div class={`shell ${isLive ? 'is-live' : 'not-live'}`}>
      <Header>
        <ConnectionBadge status={status} />
        {account}
      </Header>
      {!isLive && status.everConnected && (
        <p class="stale-hint" role="note" data-testid="stale-banner">
          {t('connection.notLiveHint')}
        </p>
      )}
      <main class="content">{children}</main>
    </div>
  );
}
