import { formatDate, formatMonth, formatNumber } from '../../format';
import type { Locale, Translate } from '../../i18n';
import { codeLabel, formatMoney } from './labels';
import type { TimelineEntry } from './types';

/** Usage records: many a day per customer, so the timeline leaves them out unless asked. */
export const USAGE_TYPES: ReadonlySet<string> = new Set(['usage.voice', 'usage.data', 'usage.sms']);

type Payload = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const obj = (v: unknown): Payload => (typeof v === 'object' && v !== null ? (v as Payload) : {});

/** The event type in words: "Bill", "Contact", "Tag"… */
export function entryTitle(entry: TimelineEntry, t: Translate): string {
  return codeLabel(t, 'ev', entry.type);
}

/**
 * One short readable line for an entry, from its payload. Masked viewers get no payload for registrations and
 * updates, and a type this build does not know yet gets no line: the title and time still say what happened.
 */
export function entryLine(entry: TimelineEntry, t: Translate, locale: Locale): string {
  const p = entry.payload;
  if (!p) return '';
  const money = (v: unknown) => formatMoney(v, locale);
  switch (entry.type) {
    case 'customer.registered': {
      const id = obj(p.identity);
      return t('profile.line.registered', { name: str(id.name), region: str(id.region), joined: formatDate(id.joinedOn, locale) });
    }
    case 'customer.updated': {
      const fields = Object.keys(p).filter((k) => k !== 'type');
      return t('profile.line.updated', { fields: fields.join(', ') });
    }
    case 'usage.voice': {
      const extras = [p.offNet && t('profile.line.offNet'), p.competitorServiceNumber && t('profile.line.competitor'), p.roaming && t('profile.line.roaming')];
      const minutes = formatNumber(Number(p.seconds) / 60, locale, 1);
      return [t('profile.line.voice', { minutes }), ...extras.filter(Boolean)].join(' · ');
    }
    case 'usage.data':
      return [t('profile.line.data', { mb: formatNumber(p.mb, locale, 1) }), p.roaming ? t('profile.line.roaming') : ''].filter(Boolean).join(' · ');
    case 'usage.sms':
      return t('profile.line.sms', { count: formatNumber(p.count ?? 1, locale, 0) });
    case 'billing.closed':
      return t('profile.line.bill', { month: formatMonth(p.month, locale) ?? str(p.month), amount: money(p.amount) });
    case 'billing.payment':
      return [t('profile.line.payment', { amount: money(p.amount) }), str(p.method)].filter(Boolean).join(' · ');
    case 'balance':
      return t('profile.line.balance', { amount: money(p.balance) });
    case 'product.changed': {
      const plan = obj(p.products);
      return t('profile.line.plan', { plan: str(plan.planName), fee: money(plan.monthlyFee) });
    }
    case 'device.changed': {
      const device = obj(p.device);
      return t('profile.line.device', { brand: str(device.brand), model: str(device.model) });
    }
    case 'touchpoint':
      return touchpointLine(p, t);
    case 'account.closed':
      return p.portedOut ? t('profile.line.portedOut') : t('profile.line.closed');
    case 'staff.manual-tag':
      return t(p.added ? 'profile.line.tagAdded' : 'profile.line.tagRemoved', { tag: str(p.tag), by: str(p.by) });
    case 'staff.alert-action': {
      const action = str(p.action);
      const key = action === 'snooze' ? 'profile.line.alert.snooze' : action === 'resolve' ? 'profile.line.alert.resolve' : 'profile.line.alert.acknowledge';
      return [t(key, { id: str(p.alertId), by: str(p.by) }), str(p.outcome)].filter(Boolean).join(' · ');
    }
    case 'workorder': {
      const order = obj(p.order);
      return t('profile.line.workorder', { kind: codeLabel(t, 'woKind', str(order.kind)), state: codeLabel(t, 'woState', str(order.state)), by: str(order.changedBy) });
    }
    default:
      return '';
  }
}

function touchpointLine(p: Payload, t: Translate): string {
  const parts = [t('profile.line.touch', { kind: codeLabel(t, 'touch', str(p.kind)), channel: codeLabel(t, 'channel', str(p.channel)) })];
  if (p.storeId) parts.push(str(p.storeId));
  if (typeof p.score === 'number') parts.push(t('profile.line.score', { score: p.score }));
  if (p.staffId) parts.push(t('profile.line.by', { by: str(p.staffId) }));
  if (p.note) parts.push(`“${str(p.note)}”`);
  return parts.join(' · ');
}
