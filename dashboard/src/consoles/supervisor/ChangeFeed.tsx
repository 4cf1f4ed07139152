import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { rank, type TierChange } from './board';
import { formatChangeTime, reasonText, tierName } from './words';

/**
 * The region's tier changes, newest first, each with its reason in the page's language. Rows that arrive while
 * the console is open flash once. The list scrolls on its own and takes the focus, so it reads by keyboard.
 */
export function ChangeFeed({ changes }: { changes: readonly TierChange[] }) {
  const { locale, t } = useI18n();
  return (
    <section class="sup-panel sup-feed" aria-labelledby="sup-feed-title">
      <header class="sup-feed-head">
        <h3 id="sup-feed-title">{t('sup.changesTitle')}</h3>
        {changes.length > 0 && <span class="sup-feed-count">{t('sup.changesCount', { count: formatNumber(changes.length, locale, 0) })}</span>}
      </header>
      {changes.length === 0 ? (
        <p class="empty" data-testid="tier-changes-empty">
          {t('sup.changesEmpty')}
        </p>
      ) : (
        <ol class="sup-changes" data-testid="tier-changes" tabIndex={0} aria-labelledby="sup-feed-title">
          {changes.map((c) => (
            <ChangeRow key={c.key} change={c} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ChangeRow({ change: c }: { change: TierChange }) {
  const { locale, t } = useI18n();
  const up = rank(c.to, c.toStars) >= rank(c.from, c.fromStars);
  return (
    <li class={`sup-change ${up ? 'is-up' : 'is-down'}${c.fresh ? ' is-fresh' : ''}`} data-testid="tier-change" data-customer={c.customerId} data-to={c.to}>
      <div class="sup-change-head">
        <span class="sup-change-dir" title={t(up ? 'sup.upLabel' : 'sup.downLabel')}>
          <span aria-hidden="true">{up ? '▲' : '▼'}</span> {t(up ? 'sup.upLabel' : 'sup.downLabel')}
        </span>
        <strong class="sup-change-name">{c.name || c.customerId}</strong>
        <span class="sup-change-id">{c.customerId}</span>
        <time class="sup-change-time" dateTime={c.at}>
          {formatChangeTime(c.at, locale)}
        </time>
      </div>
      <div class="sup-change-tiers">
        <span class={`sup-tier sup-tier-${c.from}`}>{tierName(c.from, c.fromStars, t)}</span>
        <span aria-hidden="true"> → </span>
        <span class="visually-hidden"> {t('sup.to')} </span>
        <span class={`sup-tier sup-tier-${c.to}`} data-testid="tier-change-to">
          {tierName(c.to, c.toStars, t)}
        </span>
      </div>
      <p class="sup-change-reason" data-testid="tier-change-reason">
        {reasonText(c.reason, locale, t)}
      </p>
    </li>
  );
}
