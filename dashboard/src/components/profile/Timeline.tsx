import { useEffect, useRef, useState } from 'preact/hooks';
import type { Credentials } from '../../api';
import { useI18n } from '../../i18n';
import { instantText } from './labels';
import { fetchTimeline } from './profileApi';
import { entryLine, entryTitle, USAGE_TYPES } from './timelineLine';
import type { TimelineEntry } from './types';

/** Enough to reach past a day of usage records to the contacts and changes before them. */
const LIMIT = 200;

type State = { kind: 'loading' } | { kind: 'shown'; entries: TimelineEntry[] } | { kind: 'error' };

/**
 * The customer's events and contacts, newest first, read again whenever the profile's version moves (every
 * journaled event moves it). At most one read is in flight: versions that move meanwhile make one more read
 * after it, so a burst of usage records costs a read or two, not one per record.
 */
export function Timeline({ customerId, version, credentials }: { customerId: string; version: number; credentials: Credentials }) {
  const { locale, t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [withUsage, setWithUsage] = useState(false);
  const args = useRef({ customerId, credentials });
  args.current = { customerId, credentials };
  const reads = useRef({ running: false, again: false, mounted: true });

  useEffect(() => {
    const r = reads.current;
    r.mounted = true;
    return () => {
      r.mounted = false;
    };
  }, []);

  // Another customer: nothing of the last one's stays on screen while the first read is out.
  useEffect(() => setState({ kind: 'loading' }), [customerId]);

  useEffect(() => {
    const r = reads.current;
    if (r.running) {
      r.again = true;
      return;
    }
    r.running = true;
    void (async () => {
      do {
        r.again = false;
        const asked = args.current;
        try {
          const entries = await fetchTimeline(asked.customerId, asked.credentials, LIMIT);
          if (r.mounted && asked.customerId === args.current.customerId) setState({ kind: 'shown', entries });
        } catch (error) {
          console.warn(`Timeline of ${asked.customerId} failed`, error);
          // What was shown stays: an older timeline is better than none.
          if (r.mounted) setState((s) => (s.kind === 'shown' ? s : { kind: 'error' }));
        }
      } while (r.again && r.mounted);
      r.running = false;
    })();
  }, [customerId, version, credentials]);

  const entries = state.kind === 'shown' ? state.entries.filter((e) => withUsage || !USAGE_TYPES.has(e.type)) : [];
  const checkId = `timeline-usage-${customerId}`;
  return (
    <section class="pv-section pv-timeline" data-section="timeline">
      <div class="pv-section-head">
        <h3>{t('profile.timeline')}</h3>
        <label class="pv-check" for={checkId}>
          <input id={checkId} type="checkbox" checked={withUsage} onChange={(e) => setWithUsage((e.currentTarget as HTMLInputElement).checked)} />
          {t('profile.timelineUsage')}
        </label>
      </div>
      {state.kind === 'loading' && <p class="pv-none">{t('loading')}</p>}
      {state.kind === 'error' && <p class="pv-none">{t('profile.timelineError')}</p>}
      {state.kind === 'shown' && entries.length === 0 && <p class="pv-none">{t('profile.timelineEmpty')}</p>}
      {entries.length > 0 && (
        <ol class="pv-events" data-testid="timeline">
          {entries.map((e) => (
            <li key={e.seq} data-type={e.type}>
              <time dateTime={e.occurredAt}>{instantText(e.occurredAt, locale)}</time>
              <strong>{entryTitle(e, t)}</strong>
              <span class="pv-event-line">{entryLine(e, t, locale)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
