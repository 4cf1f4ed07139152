import { useRef } from 'preact/hooks';
import { formatInstant } from '../../format';
import { useI18n } from '../../i18n';
import { StageBadge, TierBadge } from '../kit/labels';
import type { WalkIn } from '../kit/types';

/** Today's walk-ins as big buttons (a tap, or Tab and Enter, opens the card); the newest flashes in. */
export function WalkInList({ walkIns, selected, onSelect }: { walkIns: WalkIn[] | null; selected: string | null; onSelect: (customerId: string) => void }) {
  const { locale, t } = useI18n();
  // The walk-ins of the first snapshot are not news; each one after it glows once, as it comes in.
  const arrivedLive = useRef(new Map<string, boolean>());
  const loaded = useRef(false);
  const key = (w: WalkIn) => `${w.customer.customerId}@${w.at}`;
  if (walkIns) {
    for (const w of walkIns) if (!arrivedLive.current.has(key(w))) arrivedLive.current.set(key(w), loaded.current);
    loaded.current = true;
  }
  if (!walkIns) return <p class="kit-empty">{t('kit.loadingList')}</p>;
  if (walkIns.length === 0) return <p class="kit-empty">{t('store.walkInsEmpty')}</p>;
  const time = (at: string) =>
    Number.isNaN(Date.parse(at)) ? '—' : new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(Date.parse(at));
  return (
    <ol class="kit-stack store-walk-ins" aria-label={t('store.walkInsLabel')} data-testid="walk-ins">
      {walkIns.map((w) => (
        <li key={key(w)} class={arrivedLive.current.get(key(w)) ? 'store-walk-in-new' : undefined}>
          <button
            type="button"
            class="store-walk-in"
            aria-pressed={w.customer.customerId === selected}
            onClick={() => onSelect(w.customer.customerId)}
            data-testid={`walk-in-${w.customer.customerId}`}
            title={formatInstant(w.at, locale) ?? undefined}
          >
            <span class="store-walk-in-time">{time(w.at)}</span>
            <span class="store-walk-in-who">
              <strong>{w.customer.name}</strong>
              <span class="store-walk-in-facts">
                <TierBadge tier={w.customer.tier} stars={w.customer.stars} />
                <StageBadge stage={w.customer.stage} />
                {w.by && <span class="store-walk-in-by">{t('store.walkInBy', { who: w.by })}</span>}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
