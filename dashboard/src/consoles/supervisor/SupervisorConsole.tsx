import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Credentials } from '../../api';
import { ConsoleShell } from '../../components/ConsoleShell';
import { useTopic } from '../../frames';
import { useI18n } from '../../i18n';
import type { LiveConnection } from '../../live';
import type { ConsoleProps } from '../ConsoleProps';
import { getTierBoard } from './api';
import { BarChart } from './BarChart';
import { applyPush, type BoardData, initBoard, stages, tiers, withReread } from './board';
import { ChangeFeed } from './ChangeFeed';
import { Figures } from './Figures';
import { Throttle } from './throttle';
import { stageName, tierName } from './words';
import './supervisor.css';

/** The supervisor console (主管): the tier board of the supervisor's region, live. */
export function SupervisorConsole({ workspace, session, account }: ConsoleProps) {
  const { t } = useI18n();
  const region = session.region || null;
  return (
    <ConsoleShell live={workspace.live} account={account}>
      <div class="sup-title">
        <h2 class="console-title">{t('sup.title')}</h2>
        {region && <span class="sup-region" data-testid="sup-region">{t('sup.region', { region })}</span>}
      </div>
      {region ? (
        <TierBoard live={workspace.live} credentials={workspace.credentials} region={region} />
      ) : (
        <p class="empty">{t('sup.noRegion')}</p>
      )}
    </ConsoleShell>
  );
}

/** How often the counts are re-read at most while pushes say they moved. */
const REREAD_INTERVAL_MS = 1000;

function TierBoard({ live, credentials, region }: { live: LiveConnection; credentials: Credentials; region: string }) {
  const { t } = useI18n();
  const topic = useTopic(live, `tiers:${region}`, initBoard, applyPush);
  const reread = useCountsReread(region, credentials, topic.state?.countsMovedAt ?? 0);
  const board = useMemo(() => (topic.state ? withReread(topic.state, reread) : null), [topic.state, reread]);

  if (!board) {
    if (!topic.error) return <p class="empty" aria-busy="true">{t('sup.loading')}</p>;
    const refused = /not allowed/i.test(String((topic.error as Error)?.message ?? topic.error));
    return (
      <p class="sup-error" role="alert" data-testid="sup-error">
        {refused ? t('sup.notAllowed', { region }) : t('sup.failed')}
      </p>
    );
  }
  const { counts } = board;
  return (
    <div class="sup-board" data-testid="sup-board" data-version={counts.version}>
      <div class="sup-side">
        <Figures counts={counts} />
        <BarChart
          title={t('sup.tiersTitle')}
          describe={(summary) => t('sup.tiersChart', { summary })}
          bars={tiers.map((key) => ({ key, label: tierName(key, 0, t), value: counts.tiers[key] }))}
          testId="tier-count"
          scheme="sup-scheme-tiers"
        />
        <BarChart
          title={t('sup.stagesTitle')}
          describe={(summary) => t('sup.stagesChart', { summary })}
          bars={stages.map((key) => ({ key, label: stageName(key, t), value: counts.stages[key] }))}
          testId="stage-count"
          scheme="sup-scheme-stages"
        />
      </div>
      <ChangeFeed changes={board.changes} />
    </div>
  );
}

/**
 * Re-reads the board (`GET /api/v1/tiers/board`) whenever `movedAt` says the counts moved, at most once a
 * second: the `profileChanged { changed: ["counts"] }` push says that they moved, not what they are.
 */
function useCountsReread(region: string, credentials: Credentials, movedAt: number): BoardData | null {
  const [reread, setReread] = useState<BoardData | null>(null);
  const throttle = useRef<Throttle | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    setReread(null);
    throttle.current = new Throttle(async () => {
      try {
        setReread(await getTierBoard(region, credentials, abort.signal));
      } catch (error) {
        if (!abort.signal.aborted) throw error;
      }
    }, REREAD_INTERVAL_MS);
    return () => {
      throttle.current?.dispose();
      abort.abort();
    };
  }, [region, credentials]);
  useEffect(() => {
    if (movedAt > 0) throttle.current?.request();
  }, [movedAt]);
  return reread;
}
