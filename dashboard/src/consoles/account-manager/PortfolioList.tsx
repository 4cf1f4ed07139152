import { useEffect, useRef } from 'preact/hooks';
import { SeverityCounts, StageBadge, TierBadge } from '../../components/profile/Badges';
import { codeLabel, instantText } from '../../components/profile/labels';
import { Flash } from '../../components/Flash';
import { useI18n } from '../../i18n';
import type { PortfolioRow } from './portfolio';

/** Tags shown on a row; the profile has them all. */
const ROW_TAGS = 3;

interface Props {
  rows: readonly PortfolioRow[];
  /** The row the keyboard is on (aria-activedescendant), by customer. */
  active: string | null;
  /** The customer whose profile is open. */
  selected: string | null;
  onActivate: (id: string) => void;
  onSelect: (id: string) => void;
  emptyText: string;
}

const rowId = (id: string) => `am-row-${id}`;

/**
 * The customers as one listbox: a single Tab stop, Up/Down/Home/End move, Enter or Space opens the profile, a
 * click does both. Rows are keyed by customer, so a re-sort moves a row rather than rebuilding it, and a row
 * whose line changed glows.
 */
export function PortfolioList({ rows, active, selected, onActivate, onSelect, emptyText }: Props) {
  const { locale, t } = useI18n();
  const list = useRef<HTMLDivElement>(null);
  const index = rows.findIndex((r) => r.line.customerId === active);

  useEffect(() => {
    if (!active) return;
    list.current?.querySelector(`#${CSS.escape(rowId(active))}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (rows.length === 0) return;
    const move = (i: number) => {
      e.preventDefault();
      onActivate(rows[Math.max(0, Math.min(rows.length - 1, i))]!.line.customerId);
    };
    if (e.key === 'ArrowDown') move(index < 0 ? 0 : index + 1);
    else if (e.key === 'ArrowUp') move(index < 0 ? 0 : index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && index >= 0) {
      e.preventDefault();
      onSelect(rows[index]!.line.customerId);
    }
  };

  if (rows.length === 0) return <p class="am-empty" data-testid="am-empty">{emptyText}</p>;
  return (
    <div
      ref={list}
      class="am-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('am.listLabel')}
      aria-activedescendant={index >= 0 ? rowId(active!) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => index < 0 && onActivate(rows[0]!.line.customerId)}
      data-testid="am-list"
    >
      {rows.map(({ line, walkIn }) => (
        <div
          key={line.customerId}
          id={rowId(line.customerId)}
          role="option"
          aria-selected={line.customerId === selected}
          class={`am-row${line.customerId === active ? ' is-active' : ''}${line.customerId === selected ? ' is-selected' : ''}`}
          data-testid={rowId(line.customerId)}
          data-customer={line.customerId}
          data-attention={line.attention}
          onClick={() => {
            onActivate(line.customerId);
            onSelect(line.customerId);
          }}
        >
          <Flash as="div" value={line.version} class="am-row-body">
            <div class="am-row-main">
              <strong class="am-row-name">{line.name}</strong>
              <TierBadge tier={line.tier} stars={line.stars} />
              <span class="am-row-alerts">
                {line.openAlerts.length > 0 ? <SeverityCounts alerts={line.openAlerts} /> : <span class="am-quiet">{t('am.noAlerts')}</span>}
              </span>
            </div>
            <div class="am-row-sub">
              <span class="am-row-id">
                {line.customerId} · <span class="msisdn">{line.msisdn}</span>
              </span>
              <StageBadge stage={line.stage} />
              {line.tags.slice(0, ROW_TAGS).map((tag) => (
                <span key={tag} class="am-row-tag">
                  {codeLabel(t, 'tag', tag)}
                </span>
              ))}
              {line.tags.length > ROW_TAGS && <span class="am-row-tag">{t('am.moreTags', { n: line.tags.length - ROW_TAGS })}</span>}
            </div>
          </Flash>
          {walkIn && (
            <Flash as="div" value={walkIn.at} class="am-walk-in" testId="walk-in">
              {t('am.walkIn', { store: walkIn.storeId, time: instantText(walkIn.at, locale) })}
            </Flash>
          )}
        </div>
      ))}
    </div>
  );
}
