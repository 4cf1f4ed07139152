import { formatMonth, formatNumber } from '../../format';
import { isMessageKey, type Locale, type Translate } from '../../i18n';
import type { TierReason } from './board';

/** A tier's name, with its stars for mass customers: "Mass ★★" / "大众客户 ★★". */
export function tierName(tier: string, stars: number, t: Translate): string {
  const key = `sup.tier.${tier}`;
  const name = isMessageKey(key) ? t(key) : tier;
  return tier === 'mass' && stars > 0 ? `${name} ${'★'.repeat(Math.min(stars, 4))}` : name;
}

export function stageName(stage: string, t: Translate): string {
  const key = `sup.stage.${stage}`;
  return isMessageKey(key) ? t(key) : stage;
}

/** 87.5 → "87.5%" / "87.5%": a percent the API sends as 0–100. */
export function formatPercent(value: number | null, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** A share of a whole, as a percent; "—" when the whole is empty. */
export function formatShare(part: number, whole: number, locale: Locale): string {
  return whole > 0 ? formatPercent((part * 100) / whole, locale) : '—';
}

/** The time of a change: only the time for today's, the date too for older ones. */
export function formatChangeTime(at: string, locale: Locale, today: Date = new Date()): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return at;
  const date = new Date(time);
  const sameDay = date.toDateString() === today.toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'medium' } : { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/**
 * The reason of a tier change in the page's language. Pushes carry it worded by the gateway in both languages;
 * the snapshot and re-reads carry its code and arguments, worded here the same way. An unknown code is shown as
 * the code, as the gateway does, so a newer rule never leaves a blank.
 */
export function reasonText(reason: TierReason, locale: Locale, t: Translate): string {
  const worded = locale === 'zh-CN' ? reason.textZh : reason.text;
  if (worded) return worded;
  const key = `sup.reason.${reason.code}`;
  // Without arguments a template would show its placeholders: the other language's words say more.
  if (!isMessageKey(key) || (!reason.args && (reason.text || reason.textZh))) return reason.text || reason.textZh || reason.code;
  const args: Record<string, string> = {};
  for (const [name, value] of Object.entries(reason.args ?? {})) args[name] = argument(name, value, locale, t);
  return t(key, args);
}

function argument(name: string, value: string, locale: Locale, t: Translate): string {
  switch (name) {
    case 'a3':
    case 'line':
    case 'stars': {
      const n = Number(value);
      return value !== '' && Number.isFinite(n) ? formatNumber(n, locale, 2) : value;
    }
    case 'month':
      return formatMonth(value, locale) ?? value;
    case 'card': {
      const key = `sup.card.${value}`;
      return isMessageKey(key) ? t(key) : value;
    }
    default:
      return value;
  }
}
