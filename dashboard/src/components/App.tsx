import type { CustomerBoard } from '../customers';
import { useI18n } from '../i18n';
import type { LiveConnection } from '../live';
import { useObservable } from '../observable';
import { AddCustomerForm } from './AddCustomerForm';
import { CustomerCard } from './CustomerCard';
import { Header } from './Header';

export function App({ board, live }: { board: CustomerBoard; live: LiveConnection }) {
  const ids = useObservable(board.ids);
  const status = useObservable(live.status);
  const { t } = useI18n();
  const isLive = status.state === 'live';

  return (
    <div class={`shell ${isLive ? 'is-live' : 'not-live'}`}>
      <Header status={status} />
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
