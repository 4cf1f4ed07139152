import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { type Credentials, isProfile } from '../../api';
import { CustomerTracker, type CustomerView } from '../../customers';
import { formatNumber } from '../../format';
import { type Locale, useI18n } from '../../i18n';
import type { LiveConnection } from '../../live';
import { useObservable } from '../../observable';
import { Flash } from '../Flash';
import { StageBadge, TierBadge } from './Badges';
import { BillsSection } from './BillsChart';
import { ActionsSection, AlertsSection, WorkOrdersSection } from './DerivedSections';
import { IdentitySection, ProductsSection } from './FactSections';
import { instantText } from './labels';
import { fetchProfile } from './profileApi';
import { TagsSection } from './TagsSection';
import { Timeline } from './Timeline';
import type { FullProfile } from './types';
import { UsageSection } from './UsageMeters';
import './profile.css';

export interface ProfileViewProps {
  customerId: string;
  live: LiveConnection;
  credentials: Credentials;
  /** May this user add and remove manual tags (the customer's account manager, admins)? */
  canTag?: boolean;
  /** The console's own actions on this customer (record a visit, dispatch a work order…), shown under the header. */
  children?: ComponentChildren;
}

/**
 * The hub words a snapshot's reasons in the language its connection opened with, which need not be the
 * console's. So here a snapshot only announces its version, like a push, and the profile is always read over
 * REST in the console's language.
 */
function announcing(live: LiveConnection): Pick<LiveConnection, 'follow'> {
  return {
    follow: (topic, listener) =>
      live.follow(topic, {
        onSnapshot: (s) => (isProfile(s.profile) ? listener.onMessage?.('profileChanged', { topic: s.topic, version: s.version, changed: [] }) : listener.onSnapshot(s)),
        onMessage: (kind, message) => listener.onMessage?.(kind, message),
        onSubscribeFailed: (error) => listener.onSubscribeFailed?.(error),
      }),
  };
}

/**
 * One customer's live profile: follows `customer:{id}` and reads the profile again on every change (the tracker
 * keeps the version shown growing). A change of language starts a new read; the last profile stays on screen
 * until it answers, so the view never blanks.
 */
function useLiveProfile(id: string, live: LiveConnection, credentials: Credentials, locale: Locale): CustomerView {
  const tracker = useMemo(() => new CustomerTracker(id, announcing(live), (x) => fetchProfile(x, credentials, locale)), [id, live, credentials, locale]);
  useEffect(() => () => tracker.dispose(), [tracker]);
  const view = useObservable(tracker.view);
  const last = useRef<CustomerView | null>(null);
  if (view.status !== 'loading') last.current = view;
  return view.status === 'loading' && last.current?.id === id ? last.current : view;
}

/** The panoramic profile (客户全景视图) of one customer, live, for any console that may read it. */
export function ProfileView({ customerId, live, credentials, canTag = false, children }: ProfileViewProps) {
  const { locale, t } = useI18n();
  const view = useLiveProfile(customerId, live, credentials, locale);

  if (view.status !== 'found' || !view.profile) {
    const message =
      view.status === 'notFound'
        ? t('profile.notFound', { id: customerId })
        : view.status === 'forbidden'
          ? t('profile.forbidden', { id: customerId })
          : view.status === 'error'
            ? t('profile.error')
            : t('profile.loading');
    return (
      <article class="pv" data-testid="profile-view" data-customer={customerId} data-status={view.status} aria-busy={view.status === 'loading'}>
        <p class="pv-message">{message}</p>
      </article>
    );
  }

  const p = view.profile as unknown as FullProfile;
  const d = p.derived;
  return (
    <article class="pv" data-testid="profile-view" data-customer={customerId} data-status="found" aria-labelledby={`pv-name-${customerId}`}>
      <header class="pv-head">
        <div class="pv-title">
          <Flash as="div" value={p.identity?.name}>
            <h2 id={`pv-name-${customerId}`}>{p.identity?.name || t('noName')}</h2>
          </Flash>
          <span class="pv-id">
            {customerId} · <span class="msisdn">{p.identity?.msisdn}</span>
          </span>
        </div>
        <div class="pv-badges">
          <Flash value={[d?.tier?.tier, d?.tier?.stars, d?.tier?.card]}>
            <TierBadge tier={d?.tier?.tier} stars={d?.tier?.stars} card={d?.tier?.card} />
          </Flash>
          <Flash value={d?.stage?.stage}>
            <StageBadge stage={d?.stage?.stage} />
          </Flash>
          {d?.inMidHighBase && <span class="badge badge-base">{t('profile.midHighBase')}</span>}
          <span class="badge badge-satisfaction">
            {t('profile.satisfaction')}
            <Flash value={d?.satisfactionIndex} as="strong" testId="satisfaction">
              {formatNumber(d?.satisfactionIndex, locale, 0)}
            </Flash>
          </span>
        </div>
      </header>
      <p class="pv-reasons">
        {d?.tier && <span>{d.tier.reason.text}</span>}
        {d?.stage && <span>{d.stage.reason.text}</span>}
        {p.closure && <strong>{p.closure.portedOut ? t('profile.closedPortedOut') : t('profile.closed')}</strong>}
      </p>
      {children}
      <div class="pv-grid">
        <div class="pv-col">
          <AlertsSection alerts={d?.alerts ?? []} />
          <TagsSection customerId={customerId} tags={d?.tags ?? []} credentials={credentials} canTag={canTag} />
          {p.billing && <BillsSection billing={p.billing} />}
          <WorkOrdersSection orders={p.workOrders ?? []} />
          {p.identity && <IdentitySection identity={p.identity} />}
        </div>
        <div class="pv-col">
          <ActionsSection actions={d?.actions ?? []} />
          {p.usage && <UsageSection usage={p.usage} products={p.products} />}
          <ProductsSection products={p.products} device={p.device} />
        </div>
        <Timeline customerId={customerId} version={p.version} credentials={credentials} />
      </div>
      <footer class="pv-foot">
        {t('profile.version', { v: p.version })}
        {p.updatedAt && ` · ${t('profile.updated', { time: instantText(p.updatedAt, locale) })}`}
      </footer>
    </article>
  );
}
