import { useI18n } from '../../i18n';
import { codeLabel, starsText } from './labels';
import { type Severity, SEVERITIES, type Stage, type Tier } from './types';

/** The tier in words, with the stars of a mass customer and the VIP card of a strategic one. */
export function TierBadge({ tier, stars, card }: { tier?: Tier | null; stars?: number; card?: string }) {
  const { t } = useI18n();
  if (!tier) return <span class="badge badge-tier">{t('profile.tier.none')}</span>;
  const hasCard = card && card !== 'none';
  return (
    <span class={`badge badge-tier tier-${tier}`} data-testid="tier" data-tier={tier}>
      {codeLabel(t, 'tier', tier)}
      {tier === 'mass' && stars ? (
        <span class="stars" role="img" aria-label={t('profile.stars', { n: stars })} title={t('profile.stars', { n: stars })}>
          {' '}
          {starsText(stars)}
        </span>
      ) : null}
      {hasCard && <span class={`vip-card card-${card}`}> · {codeLabel(t, 'card', card)}</span>}
    </span>
  );
}

export function StageBadge({ stage }: { stage?: Stage | null }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge-stage stage-${stage ?? 'none'}`} data-testid="stage" data-stage={stage ?? ''}>
      {stage ? codeLabel(t, 'stage', stage) : t('profile.stage.none')}
    </span>
  );
}

/** How many unresolved alerts there are of each severity, most severe first; nothing when there are none. */
export function SeverityCounts({ alerts }: { alerts: readonly { severity: Severity }[] }) {
  const { locale, t } = useI18n();
  const counts = SEVERITIES.map((s) => [s, alerts.filter((a) => a.severity === s).length] as const).filter(([, n]) => n > 0);
  if (counts.length === 0) return null;
  return (
    <span class="severity-counts" data-testid="alert-counts" data-total={alerts.length}>
      {counts.map(([severity, n]) => (
        <span key={severity} class={`severity severity-${severity}`} data-severity={severity}>
          {new Intl.NumberFormat(locale).format(n)} {codeLabel(t, 'severity', severity)}
        </span>
      ))}
    </span>
  );
}
