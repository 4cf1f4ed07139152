import { formatMonth, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { Flash } from '../Flash';
import { formatVolume } from './labels';
import type { Products, ProfileUsage } from './types';

interface MeterProps {
  id: string;
  label: string;
  used: number;
  /** 0 or missing: the plan has no allowance for it. */
  allowance: number | undefined;
  /** The server's saturation where it gives one (data, voice), else computed here. */
  percent: number | undefined;
  format: (n: number) => string;
}

/** Used against the plan's allowance: a bar that fills to 100% and turns to a warning beyond it (饱和度). */
function Meter({ id, label, used, allowance, percent, format }: MeterProps) {
  const { locale, t } = useI18n();
  const pct = percent ?? (allowance ? (used * 100) / allowance : undefined);
  const level = pct === undefined ? 'none' : pct > 100 ? 'over' : pct >= 80 ? 'high' : 'ok';
  const amounts = allowance ? t('profile.meter.of', { used: format(used), allowance: format(allowance) }) : t('profile.meter.noAllowance', { used: format(used) });
  const pctText = pct === undefined ? '' : `${formatNumber(pct, locale, 0)}%`;
  return (
    <div class={`pv-meter meter-${level}`} data-testid={`meter-${id}`}>
      <div class="pv-meter-head">
        <span class="pv-meter-label">{label}</span>
        <Flash value={[used, allowance]} class="pv-meter-amounts">
          {amounts}
        </Flash>
        <Flash value={pct} class="pv-meter-pct" testId={`meter-${id}-pct`}>
          {pctText}
        </Flash>
      </div>
      <div
        class="pv-meter-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct === undefined ? undefined : Math.round(Math.min(pct, 100))}
        aria-valuetext={pctText ? `${amounts} (${pctText})` : amounts}
      >
        <div class="pv-meter-fill" style={{ width: `${Math.min(pct ?? 0, 100)}%` }} />
      </div>
    </div>
  );
}

export function UsageSection({ usage, products }: { usage: ProfileUsage; products?: Products }) {
  const { locale, t } = useI18n();
  const month = formatMonth(usage.month, locale) ?? usage.month;
  const minutes = (n: number) => t('profile.min', { n: formatNumber(n, locale, 0) });
  return (
    <section class="pv-section" data-section="usage">
      <h3>{t('profile.usage', { month })}</h3>
      <Meter
        id="data"
        label={t('profile.meter.data')}
        used={usage.dataMb}
        allowance={products?.dataMb}
        percent={usage.dataSaturationPercent}
        format={(n) => formatVolume(n, locale, t)}
      />
      <Meter id="voice" label={t('profile.meter.voice')} used={usage.voiceMinutes} allowance={products?.voiceMinutes} percent={usage.voiceSaturationPercent} format={minutes} />
      <Meter id="sms" label={t('profile.meter.sms')} used={usage.sms} allowance={products?.sms} percent={undefined} format={(n) => formatNumber(n, locale, 0)} />
      <dl class="pv-facts pv-facts-inline">
        <div class="pv-fact">
          <dt>{t('profile.field.roaming')}</dt>
          <dd>
            <Flash value={usage.roamingDataMb}>{formatVolume(usage.roamingDataMb, locale, t)}</Flash>
          </dd>
        </div>
        <div class="pv-fact">
          <dt>{t('profile.field.competitorCalls')}</dt>
          <dd>
            <Flash value={usage.competitorServiceCalls}>{formatNumber(usage.competitorServiceCalls, locale, 0)}</Flash>
          </dd>
        </div>
      </dl>
    </section>
  );
}
