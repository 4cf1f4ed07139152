import { useI18n } from '../i18n';
import { useObservable } from '../observable';
import type { Workspace } from '../workspace';
import { AddCustomerForm } from './AddCustomerForm';
import { CustomerCard } from './CustomerCard';

/** Cards of customers picked by id, each live: the administrator's view, and where a console starts out. */
export function CustomerBoardView({ workspace: { board } }: { workspace: Workspace }) {
  const ids = useObservable(board.ids);
  const { t } = useI18n();
  return (
    <>
      <div class="toolbar">
        <AddCustomerForm board={board} />
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
    </>
  );
}
