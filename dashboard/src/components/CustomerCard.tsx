import type { CustomerProfile, Identity, Usage } from '../api';
import type { CustomerTracker } from '../customers';
import { formatDate, formatInstant, formatMonth, formatNumber, formatTenure } from '../format';
import { type MessageKey, useI18n } from '../i18n';
import { useObservable } from '../observable';
import { ExtraFields, ExtraSections } from './ExtraSections';
import { Flash } from './Flash';

const KNOWN_SECTIONS = new Set(['customerId', 'version', 'identity', 'usage', 'updatedAt']);
const KNOWN_IDENTITY = new Set(['name', 'msisdn', 'region', 'homeStoreId', 'accountManagerId', 'phoneManagerId', 'joinedOn']);
const KNOWN_USAGE = new Set(['month', 'dataMb', 'voiceMinutes', 'sms']);

interface Props {
  tracker: CustomerTracker;
  onRemove: (id: string) => void;
}

export function CustomerCard({ tracker, onRemove }: Props) {
  const view = useObservable(tracker.view);
  const { t } = useI18n();
  const { id } = view;

  const remove = (
    <button type="button" class="card-remove" onClick={() => onRemove(id)} title={t('removeCard', { id })} aria-label={t('removeCard', { id })}>
      ×
    </button>
  );

  if (view.status !== 'found' || !view.profile) {
    const [title, body]: [MessageKey, MessageKey | null] =
      view.status === 'notFound'
        ? ['notFoundTitle', 'notFoundBody']
        : view.status === 'error'
          ? ['errorTitle', 'errorBody']
          : view.status === 'forbidden'
            ? ['forbiddenTitle', 'forbiddenBody']
            : ['loading', null];
    return (
      <article class={`card card-${view.status}`} data-testid={`customer-card-${id}`} data-status={view.status} aria-busy={view.status === 'loading'}>
        <header class="card-head">
          <div class="card-title">
            <h2>{t(title)}</h2>
            <div class="card-id">{id}</div>
          </div>
          {remove}
        </header>
        {body && <p class="card-message">{t(body, { id })}</p>}
      </article>
    );
  }

  return (
    <article class="card" data-testid={`customer-card-${id}`} data-status="found">
      <header class="card-head">
        <div class="card-title">
          <Flash as="div" value={view.profile.identity?.name}>
            <h2>{view.profile.identity?.name || t('noName')}</h2>
          </Flash>
          <div class="card-id">{id}</div>
        </div>
        <div class="card-version" title={t('version')}>
          <span class="label">{t('version')}</span>{' '}
          <Flash value={view.version} testId="version" class="version-number">
            {String(view.version)}
          </Flash>
        </div>
        {remove}
      </header>
      <IdentityFacts identity={view.profile.identity ?? {}} />
      <UsageStats usage={view.profile.usage ?? {}} />
      <ExtraSections sections={Object.entries(view.profile).filter(([k]) => !KNOWN_SECTIONS.has(k))} />
      <Footer profile={view.profile} />
    </article>
  );
}

function IdentityFacts({ identity }: { identity: Identity }) {
  const { locale, t } = useI18n();
  const text = (v: unknown) => (v == null || v === '' ? '—' : String(v));
  const rows: [MessageKey, unknown, string][] = [
    ['field.msisdn', identity.msisdn, text(identity.msisdn)],
    ['field.region', identity.region, text(identity.region)],
    ['field.homeStoreId', identity.homeStoreId, text(identity.homeStoreId)],
    ['field.accountManagerId', identity.accountManagerId, text(identity.accountManagerId)],
    ['field.phoneManagerId', identity.phoneManagerId, text(identity.phoneManagerId)],
    ['field.joinedOn', identity.joinedOn, formatDate(identity.joinedOn, locale)],
    ['field.tenure', identity.joinedOn, formatTenure(identity.joinedOn, t)],
  ];
  return (
    <dl class="facts">
      {rows.map(([label, raw, shown]) => (
        <div class="fact" key={label} data-field={label.slice('field.'.length)}>
          <dt>{t(label)}</dt>
          <dd>
            <Flash value={raw} class={label === 'field.msisdn' ? 'msisdn' : undefined}>
              {shown}
            </Flash>
          </dd>
        </div>
      ))}
      <ExtraFields fields={Object.entries(identity).filter(([k]) => !KNOWN_IDENTITY.has(k))} />
    </dl>
  );
}

function UsageStats({ usage }: { usage: Usage }) {
  const { locale, t } = useI18n();
  const month = formatMonth(usage.month, locale);
  const stats: [MessageKey, unknown, string][] = [
    ['field.dataMb', usage.dataMb, 'data-mb'],
    ['field.voiceMinutes', usage.voiceMinutes, 'voice-minutes'],
    ['field.sms', usage.sms, 'sms'],
  ];
  const extra = Object.entries(usage).filter(([k]) => !KNOWN_USAGE.has(k));
  return (
    <section class="usage">
      <h3>{month ? t('usageTitleMonth', { month }) : t('usageTitle')}</h3>
      <div class="stats">
        {stats.map(([label, value, testId]) => (
          <div class="stat" key={testId}>
            <Flash value={value} testId={testId} class="stat-value">
              {formatNumber(value, locale)}
            </Flash>
            <span class="stat-label">{t(label)}</span>
          </div>
        ))}
      </div>
      {extra.length > 0 && (
        <dl class="facts">
          <ExtraFields fields={extra} />
        </dl>
      )}
    </section>
  );
}

function Footer({ profile }: { profile: CustomerProfile }) {
  const { locale, t } = useI18n();
  const time = formatInstant(profile.updatedAt, locale);
  if (!time) return null;
  return (
    <footer class="card-foot">
      <Flash value={profile.updatedAt}>{t('updatedAt', { time })}</Flash>
    </footer>
  );
}
