import { formatDate, formatNumber } from '../../format';
import { type MessageKey, useI18n } from '../../i18n';
import { Flash } from '../Flash';
import { codeLabel, formatMoney, formatVolume } from './labels';
import type { Device, ProfileIdentity, Products } from './types';

/** One labelled value; `raw` is what a change is judged by, so a change of language alone never flashes. */
export type Fact = [label: MessageKey, raw: unknown, shown: string];

export function FactList({ facts, testId }: { facts: Fact[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <dl class="pv-facts" data-testid={testId}>
      {facts.map(([label, raw, shown]) => (
        <div class="pv-fact" key={label} data-field={label.slice(label.lastIndexOf('.') + 1)}>
          <dt>{t(label)}</dt>
          <dd>
            <Flash value={raw}>{shown}</Flash>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function useYesNo() {
  const { t } = useI18n();
  return (v: boolean | undefined) => (v ? t('profile.yes') : t('profile.no'));
}

const text = (v: unknown) => (v == null || v === '' ? '—' : String(v));

export function IdentitySection({ identity }: { identity: ProfileIdentity }) {
  const { locale, t } = useI18n();
  const yesNo = useYesNo();
  const months = identity.tenureMonths ?? 0;
  const facts: Fact[] = [
    ['profile.field.msisdn', identity.msisdn, text(identity.msisdn)],
    ['profile.field.region', identity.region, text(identity.region)],
    ['profile.field.homeStoreId', identity.homeStoreId, text(identity.homeStoreId)],
    ['profile.field.accountManagerId', identity.accountManagerId, text(identity.accountManagerId)],
    ['profile.field.phoneManagerId', identity.phoneManagerId, text(identity.phoneManagerId)],
    ['profile.field.joinedOn', identity.joinedOn, formatDate(identity.joinedOn, locale)],
    ['profile.field.tenure', months, t('profile.tenureMonths', { y: Math.floor(months / 12), m: months % 12 })],
    ['profile.field.birthday', identity.birthday, formatDate(identity.birthday, locale)],
    ['profile.field.gender', identity.gender, text(identity.gender)],
    ['profile.field.occupation', identity.occupation, text(identity.occupation)],
    ['profile.field.interests', identity.interests, identity.interests?.length ? identity.interests.join(', ') : '—'],
    [
      'profile.field.group',
      [identity.groupId, identity.groupClass],
      identity.groupId ? (identity.groupClass ? t('profile.groupClass', { id: identity.groupId, c: identity.groupClass.toUpperCase() }) : identity.groupId) : '—',
    ],
    ['profile.field.keyPerson', identity.keyPerson, yesNo(identity.keyPerson)],
    ['profile.field.familyDecisionMaker', identity.familyDecisionMaker, yesNo(identity.familyDecisionMaker)],
  ];
  return (
    <section class="pv-section" data-section="identity">
      <h3>{t('profile.identity')}</h3>
      <FactList facts={facts} testId="identity" />
    </section>
  );
}

export function ProductsSection({ products, device }: { products?: Products; device?: Device }) {
  const { locale, t } = useI18n();
  const yesNo = useYesNo();
  const planFacts: Fact[] | null = products
    ? [
        ['profile.field.plan', products.planName, products.planName],
        ['profile.field.monthlyFee', products.monthlyFee, t('profile.fee', { fee: formatMoney(products.monthlyFee, locale) })],
        [
          'profile.field.allowances',
          [products.voiceMinutes, products.dataMb, products.sms],
          t('profile.allowances', { voice: formatNumber(products.voiceMinutes, locale, 0), data: formatVolume(products.dataMb, locale, t), sms: formatNumber(products.sms, locale, 0) }),
        ],
        ['profile.field.contractEnd', products.contractEnd, formatDate(products.contractEnd, locale)],
        [
          'profile.field.payment',
          [products.paymentMode, products.autoPay],
          codeLabel(t, 'paymentMode', products.paymentMode) + (products.autoPay ? ` · ${t('profile.autoPay')}` : ''),
        ],
        ['profile.field.broadband', products.broadband, yesNo(products.broadband)],
        ['profile.field.virtualNetwork', products.virtualNetwork, yesNo(products.virtualNetwork)],
        ['profile.field.valueAdded', products.valueAddedServices, products.valueAddedServices.length ? products.valueAddedServices.join(', ') : '—'],
      ]
    : null;
  const deviceFacts: Fact[] | null = device
    ? [
        ['profile.field.handset', [device.brand, device.model], `${device.brand} ${device.model}`],
        ['profile.field.priceBand', device.priceBand, codeLabel(t, 'priceBand', device.priceBand)],
        ['profile.field.dualSim', device.dualSim, yesNo(device.dualSim)],
        ['profile.field.inUseSince', device.inUseSince, formatDate(device.inUseSince, locale)],
      ]
    : null;
  return (
    <>
      <section class="pv-section" data-section="products">
        <h3>{t('profile.products')}</h3>
        {planFacts ? <FactList facts={planFacts} testId="products" /> : <p class="pv-none">{t('profile.noPlan')}</p>}
      </section>
      <section class="pv-section" data-section="device">
        <h3>{t('profile.device')}</h3>
        {deviceFacts ? <FactList facts={deviceFacts} testId="device" /> : <p class="pv-none">{t('profile.noDevice')}</p>}
      </section>
    </>
  );
}
