import type { Locale, Translate } from './i18n';

/** Formatting by locale. Values the API sends malformed come back as they were, never as "NaN" or "Invalid Date". */

export function formatNumber(value: unknown, locale: Locale, maxFractionDigits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value == null ? '—' : String(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A calendar date (yyyy-MM-dd), shown as that date whatever the browser's time zone. */
export function formatDate(value: unknown, locale: Locale): string {
  const date = parseCalendarDate(value);
  if (!date) return value == null ? '—' : String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A billing month (yyyy-MM). */
export function formatMonth(value: unknown, locale: Locale): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}$/.test(value)) return null;
  const [y, m] = value.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** An instant, in the browser's time zone. */
export function formatInstant(value: unknown, locale: Locale): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** Whole months from the join date to today, as "2 yr 3 mo". */
export function formatTenure(joinedOn: unknown, t: Translate, today: Date = new Date()): string {
  const joined = parseCalendarDate(joinedOn);
  if (!joined) return '—';
  let months = (today.getFullYear() - joined.getUTCFullYear()) * 12 + (today.getMonth() - joined.getUTCMonth());
  if (today.getDate() < joined.getUTCDate()) months--;
  if (months < 1) return t('tenureUnderMonth');
  const y = Math.floor(months / 12);
  const m = months % 12;
  return y > 0 ? t('tenureYearsMonths', { y, m }) : t('tenureMonths', { m });
}

function parseCalendarDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "accountManagerId" → "Account manager id": a readable label for fields this build has no translation for. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
