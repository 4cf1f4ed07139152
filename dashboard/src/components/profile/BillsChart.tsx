import { formatDate } from '../../format';
import { type Locale, useI18n } from '../../i18n';
import { type Fact, FactList } from './FactSections';
import { formatMoney } from './labels';
import type { Billing } from './types';

/** The chart always has room for six months, so its scale is the same however many have closed. */
const MONTHS = 6;
const SLOT = 60;
const WIDTH = MONTHS * SLOT;
const BAR = 34;
const PLOT_TOP = 18;
const PLOT_HEIGHT = 96;
const HEIGHT = PLOT_TOP + PLOT_HEIGHT + 22;
/** The months that make up A3, the rolling three-month revenue the tier is decided on. */
const A3_MONTHS = 3;

function shortMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/**
 * The last six closed months as bars, oldest on the left; the three that make up A3 in the accent colour. Inline
 * SVG: each bar carries its month and amount as a title, and the figure as a whole has a label.
 */
export function BillsSection({ billing }: { billing: Billing }) {
  const { locale, t } = useI18n();
  const bills = billing.bills.slice(0, MONTHS).reverse();
  const max = Math.max(1, ...bills.map((b) => b.amount));
  // Fewer than six months: the bars stand on the right, where the latest months are.
  const offset = (MONTHS - Math.min(bills.length, MONTHS)) * SLOT;
  const facts: Fact[] = [
    ['profile.a3', billing.a3, formatMoney(billing.a3, locale)],
    ['profile.balance', billing.balance, formatMoney(billing.balance, locale)],
    ['profile.outstanding', billing.outstanding, formatMoney(billing.outstanding, locale)],
  ];
  if (billing.arrearsSince) facts.push(['profile.arrearsSince', billing.arrearsSince, formatDate(billing.arrearsSince, locale)]);
  return (
    <section class="pv-section" data-section="bills">
      <h3>{t('profile.bills')}</h3>
      {bills.length === 0 ? (
        <p class="pv-none">{t('profile.noBills')}</p>
      ) : (
        <svg class="pv-bills" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('profile.billsChart')} data-testid="bills-chart">
          <line x1={0} x2={WIDTH} y1={PLOT_TOP + PLOT_HEIGHT + 0.5} y2={PLOT_TOP + PLOT_HEIGHT + 0.5} class="baseline" />
          {bills.map((bill, i) => {
            const h = Math.max(1, Math.round((bill.amount / max) * PLOT_HEIGHT));
            const x = offset + i * SLOT + (SLOT - BAR) / 2;
            const y = PLOT_TOP + PLOT_HEIGHT - h;
            const inA3 = i >= bills.length - A3_MONTHS;
            const amount = formatMoney(bill.amount, locale);
            return (
              <g key={bill.month} class={inA3 ? 'bar bar-a3' : 'bar'} data-month={bill.month}>
                <title>{`${bill.month}: ${amount}`}</title>
                <rect x={x} y={y} width={BAR} height={h} rx={3} />
                <text x={x + BAR / 2} y={y - 4} text-anchor="middle" class="bar-value">
                  {amount.replace(/\.00$/, '')}
                </text>
                <text x={x + BAR / 2} y={HEIGHT - 6} text-anchor="middle" class="bar-month">
                  {shortMonth(bill.month, locale)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <FactList facts={facts} testId="billing" />
    </section>
  );
}
