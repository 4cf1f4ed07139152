import { Flash } from '../../components/Flash';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { formatShare } from './words';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

interface Props {
  title: string;
  /** The chart's text alternative, given the summary "Mass 12 (60%), …". */
  describe: (summary: string) => string;
  bars: readonly Bar[];
  /** Prefix of each count's test id: `{testId}-{bar key}`. */
  testId: string;
  /** Class of the colour scheme, one colour per bar key. */
  scheme: string;
}

/**
 * Horizontal bars, one per key, as inline SVG: each bar's length is its share of the largest, its count and
 * its share of the whole beside it. The whole chart reads as one sentence for screen readers.
 */
export function BarChart({ title, describe, bars, testId, scheme }: Props) {
  const { locale } = useI18n();
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const largest = Math.max(1, ...bars.map((b) => b.value));
  const summary = bars.map((b) => `${b.label} ${formatNumber(b.value, locale, 0)} (${formatShare(b.value, total, locale)})`).join(', ');
  return (
    <figure class={`sup-panel sup-chart ${scheme}`} data-testid={testId}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <div class="sup-bars" role="img" aria-label={describe(summary)}>
        {bars.map((b) => (
          <div class={`sup-bar sup-bar-${b.key}`} key={b.key} aria-hidden="true">
            <span class="sup-bar-label">{b.label}</span>
            <svg class="sup-bar-track" viewBox="0 0 100 12" preserveAspectRatio="none" focusable="false">
              <rect class="sup-bar-bg" x="0" y="0" width="100" height="12" rx="2" />
              <rect class="sup-bar-fill" x="0" y="0" width={(b.value * 100) / largest} height="12" rx="2" />
            </svg>
            <Flash value={b.value} class="sup-bar-value" testId={`${testId}-${b.key}`}>
              {formatNumber(b.value, locale, 0)}
            </Flash>
            <span class="sup-bar-share">{formatShare(b.value, total, locale)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
