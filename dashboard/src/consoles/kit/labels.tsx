import { formatInstant } from '../../format';
import './kit.css';
import { isMessageKey, type MessageKey, type Translate, useI18n } from '../../i18n';
import type { AlertState, Severity, Stage, Tier } from './types';

/** The word for a code of the domain (`kit.alert.` + `churn-risk`), or the code itself for one this build does not know. */
export function term(t: Translate, prefix: string, code: string | undefined, fallback: MessageKey): string {
  if (!code) return t(fallback);
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export const alertKindText = (t: Translate, kind: string) => term(t, 'kit.alert.', kind, 'kit.alert.complaint');

/** Tier, with the stars of a mass customer: the word carries it, colour only helps. */
export function TierBadge({ tier, stars, size = 'normal' }: { tier: Tier | undefined; stars: number; size?: 'normal' | 'large' }) {
  const { t } = useI18n();
  return (
    <span class={`kit-tier kit-tier-${tier ?? 'none'} kit-${size}`} data-testid="tier" data-tier={tier ?? ''}>
      {term(t, 'kit.tier.', tier, 'kit.tier.none')}
      {tier === 'mass' && stars > 0 && (
        <span class="kit-stars" title={t('kit.stars', { n: stars })} aria-label={t('kit.stars', { n: stars })}>
          {' '}
          {'★'.repeat(stars)}
        </span>
      )}
    </span>
  );
}

export function StageBadge({ stage }: { stage: Stage | undefined }) {
  const { t } = useI18n();
  return (
    <span class={`kit-stage kit-stage-${stage ?? 'none'}`} data-testid="stage" data-stage={stage ?? ''}>
      {term(t, 'kit.stage.', stage, 'kit.stage.none')}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <span class={`kit-severity kit-severity-${severity}`} data-testid="severity" data-severity={severity}>
      {term(t, 'kit.severity.', severity, 'kit.severity.low')}
    </span>
  );
}

export function AlertStateText({ state, snoozedUntil }: { state: AlertState; snoozedUntil?: string | undefined }) {
  const { locale, t } = useI18n();
  const text =
    state === 'snoozed'
      ? t('kit.alertState.snoozed', { time: formatInstant(snoozedUntil, locale) ?? '—' })
      : term(t, 'kit.alertState.', state, 'kit.alertState.open');
  return (
    <span class={`kit-alert-state kit-alert-state-${state}`} data-testid="alert-state" data-state={state}>
      {text}
    </span>
  );
}
