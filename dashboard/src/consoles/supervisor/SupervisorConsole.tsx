import { ConsoleShell } from '../../components/ConsoleShell';
import { CustomerBoardView } from '../../components/CustomerBoardView';
import { useI18n } from '../../i18n';
import type { ConsoleProps } from '../ConsoleProps';

/** The supervisor console. For now the customer cards; the role's own screen replaces them. */
export function SupervisorConsole({ workspace, account }: ConsoleProps) {
  const { t } = useI18n();
  return (
    <ConsoleShell live={workspace.live} account={account}>
      <h2 class="console-title">{t('sup.title')}</h2>
      <CustomerBoardView workspace={workspace} />
    </ConsoleShell>
  );
}
