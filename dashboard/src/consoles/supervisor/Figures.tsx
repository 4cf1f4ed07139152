import type { ComponentChildren } from 'preact';
import { Flash } from '../../components/Flash';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import type { BoardCounts } from './board';
import { formatPercent, formatShare } from './words';

/** The headline figures: customers, mid/high and above, retention of the mid/high base (保有率), churn risk. */
export function Figures({ counts }: { counts: BoardCounts }) {
  const { locale, t } = useI18n();
  const n = (v: number) => formatNumber(v, locale, 0);
  const customers = Object.values(counts.tiers).reduce((a, b) => a + b, 0);
  const midHigh = counts.tiers.strategic + counts.tiers['group-mid-high'] + counts.tiers['mid-high'];
  return (
    <div class="sup-figures">
      <Figure label={t('sup.customers')} value={customers} shown={n(customers)} testId="sup-customers" note={t('sup.customersNote')} />
      <Figure
        label={t('sup.midHighAndAbove')}
        value={midHigh}
        shown={n(midHigh)}
        testId="sup-mid-high"
        note={t('sup.midHighAndAboveNote', { share: formatShare(midHigh, customers, locale) })}
      />
      <Figure
        label={t('sup.retention')}
        value={counts.retentionPercent}
        shown={formatPercent(counts.retentionPercent, locale)}
        testId="sup-retention"
        note={
          <Flash value={[counts.retained, counts.midHighBase]} testId="sup-retention-counts">
            {counts.midHighBase > 0 ? t('sup.retentionCounts', { retained: n(counts.retained), base: n(counts.midHighBase) }) : t('sup.retentionNone')}
          </Flash>
        }
      />
      <Figure
        label={t('sup.churnRisk')}
        value={counts.churnRisk}
        shown={n(counts.churnRisk)}
        testId="sup-churn-risk"
        note={t('sup.churnRiskNote')}
        tone="warn"
      />
    </div>
  );
}

interface FigureProps {
  label: string;
  value: unknown;
  shown: string;
  testId: string;
  note: ComponentChildren;
  tone?: 'warn';
}

function Figure({ label, value, shown, testId, note, tone }: FigureProps) {
  return (
    <div class={`sup-panel sup-figure${tone ? ` sup-figure-${tone}` : ''}`}>
      <span class="sup-figure-label">{label}</span>
      <Flash value={value} as="strong" class="sup-figure-value" testId={testId}>
        {shown}
      </Flash>
      <span class="sup-figure-note">{note}</span>
    </div>
  );
}
