import { formatInstant, formatNumber, humanize } from '../../format';
import { isMessageKey, type Locale, type Translate } from '../../i18n';

/**
 * The word for a domain code (`profile.tier.strategic`, `profile.alert.churn-risk`…). A code this build does not
 * know yet — a new alert kind, a manual tag, which is its own text — is shown as it is, made readable.
 */
export function codeLabel(t: Translate, group: string, code: string | undefined | null): string {
  if (!code) return '—';
  const key = `profile.${group}.${code}`;
  return isMessageKey(key) ? t(key) : group === 'tag' ? code : humanize(code);
}

/** Amounts are the operator's: yuan, shown with ¥ in both languages. */
export function formatMoney(value: unknown, locale: Locale): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(value);
}

/** Data volumes: MB below a gigabyte, GB (of 1024 MB) from there. */
export function formatVolume(mb: unknown, locale: Locale, t: Translate): string {
  if (typeof mb !== 'number' || !Number.isFinite(mb)) return '—';
  return mb >= 1024 ? t('profile.gb', { n: formatNumber(mb / 1024, locale, 1) }) : t('profile.mb', { n: formatNumber(mb, locale, 0) });
}

/** An instant, or a dash when there is none. */
export function instantText(value: unknown, locale: Locale): string {
  return formatInstant(value, locale) ?? '—';
}

/** ★★☆☆ for a mass customer's 1–4 stars. */
export function starsText(stars: number): string {
  const n = Math.max(0, Math.min(4, Math.round(stars)));
  return '★'.repeat(n) + '☆'.repeat(4 - n);
}
