import * as profileStrings from './components/profile/strings';
import * as accountManagerStrings from './consoles/account-manager/strings';
import * as adminStrings from './consoles/admin/strings';
import * as kitStrings from './consoles/kit/strings';
import * as phoneManagerStrings from './consoles/phone-manager/strings';
import * as storeStrings from './consoles/store/strings';
import * as supervisorStrings from './consoles/supervisor/strings';
import { Observable, useObservable } from './observable';

export type Locale = 'en' | 'zh-CN';
export const locales: readonly Locale[] = ['en', 'zh-CN'];

const baseEn = {
  productName: 'Customer 360 客户全景视图',
  languageLabel: 'Language',
  connectionLabel: 'Connection',
  'connection.live': 'Live',
  'connection.connecting': 'Connecting…',
  'connection.reconnecting': 'Reconnecting…',
  'connection.offline': 'Offline',
  'connection.notLiveHint': 'Not connected: figures may be out of date. Reconnecting automatically.',
  addLabel: 'Customer ID',
  addPlaceholder: 'e.g. C000004',
  addButton: 'Add card',
  addInvalid: 'Enter one or more customer IDs (at most 64 characters each).',
  addDuplicate: '{id} is already shown.',
  emptyBoard: 'No customers on screen. Add one by its ID above.',
  removeCard: 'Remove card for {id}',
  loading: 'Loading…',
  notFoundTitle: 'Customer not found',
  notFoundBody: 'No customer with ID {id} is registered. This card fills in by itself if one is.',
  errorTitle: 'Could not load this customer',
  errorBody: 'The service did not answer. This card fills in by itself once the connection is back.',
  noName: '(no name)',
  'field.msisdn': 'Phone number',
  'field.region': 'Region',
  'field.homeStoreId': 'Home store',
  'field.accountManagerId': 'Account manager',
  'field.phoneManagerId': 'Phone manager',
  'field.joinedOn': 'Joined',
  'field.tenure': 'Tenure',
  'field.dataMb': 'Data (MB)',
  'field.voiceMinutes': 'Voice (min)',
  'field.sms': 'SMS',
  usageTitle: 'Usage this month',
  usageTitleMonth: 'Usage, {month}',
  version: 'Version',
  updatedAt: 'Updated {time}',
  'section.tier': 'Tier',
  'section.stage': 'Lifecycle stage',
  'section.tags': 'Tags',
  'section.alerts': 'Alerts',
  otherDetails: 'Other details',
  tenureYearsMonths: '{y} yr {m} mo',
  tenureMonths: '{m} mo',
  tenureUnderMonth: 'under 1 mo',
  signInTitle: 'Sign in',
  signInIntro: 'Sign in with your staff account to open the customer consoles.',
  userNameLabel: 'User name',
  passwordLabel: 'Password',
  signInButton: 'Sign in',
  signingIn: 'Signing in…',
  signInMissing: 'Enter your user name and password.',
  signInRefused: 'Wrong user name or password.',
  signInLocked: 'Too many wrong passwords: this account is locked for a while. Try again later or ask an administrator.',
  signInRateLimited: 'Too many sign-in attempts. Wait a minute, then try again.',
  signInUnavailable: 'The service did not answer. Try again in a moment.',
  sessionExpired: 'Your session expired. Sign in again to continue.',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
  'role.store': 'Store staff',
  'role.account-manager': 'Account manager',
  'role.phone-manager': 'Phone manager',
  'role.supervisor': 'Supervisor',
  'role.admin': 'Administrator',
  'role.ingest': 'Producer',
  'scope.store': 'store {id}',
  'scope.manager': 'manager {id}',
  'scope.region': 'region {id}',
  'scope.all': 'all customers',
  forbiddenTitle: 'Not allowed',
  forbiddenBody: 'You are not allowed to see customer {id}.',
};

// Each console keeps its own words beside it (consoles/<role>/strings.ts); they join the one catalogue here.
const en = {
  ...baseEn,
  ...profileStrings.en,
  ...kitStrings.en,
  ...storeStrings.en,
  ...accountManagerStrings.en,
  ...phoneManagerStrings.en,
  ...supervisorStrings.en,
  ...adminStrings.en,
};

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const baseZhCN: Record<keyof typeof baseEn, string> = {
  productName: 'Customer 360 客户全景视图',
  languageLabel: '语言',
  connectionLabel: '连接状态',
  'connection.live': '实时',
  'connection.connecting': '正在连接…',
  'connection.reconnecting': '正在重连…',
  'connection.offline': '离线',
  'connection.notLiveHint': '未连接：数据可能不是最新的，正在自动重连。',
  addLabel: '客户编号',
  addPlaceholder: '例如 C000004',
  addButton: '添加卡片',
  addInvalid: '请输入一个或多个客户编号（每个不超过 64 个字符）。',
  addDuplicate: '{id} 已在页面上。',
  emptyBoard: '页面上没有客户。请在上方按客户编号添加。',
  removeCard: '移除 {id} 的卡片',
  loading: '加载中…',
  notFoundTitle: '未找到客户',
  notFoundBody: '没有编号为 {id} 的客户。客户登记后，此卡片会自动显示。',
  errorTitle: '无法加载此客户',
  errorBody: '服务没有响应。连接恢复后，此卡片会自动显示。',
  noName: '（无姓名）',
  'field.msisdn': '手机号码',
  'field.region': '区域',
  'field.homeStoreId': '归属门店',
  'field.accountManagerId': '客户经理',
  'field.phoneManagerId': '电话经理',
  'field.joinedOn': '入网日期',
  'field.tenure': '在网时长',
  'field.dataMb': '流量 (MB)',
  'field.voiceMinutes': '语音 (分钟)',
  'field.sms': '短信 (条)',
  usageTitle: '本月用量',
  usageTitleMonth: '{month}用量',
  version: '版本',
  updatedAt: '更新于 {time}',
  'section.tier': '客户等级',
  'section.stage': '生命周期阶段',
  'section.tags': '标签',
  'section.alerts': '预警',
  otherDetails: '其他信息',
  tenureYearsMonths: '{y} 年 {m} 个月',
  tenureMonths: '{m} 个月',
  tenureUnderMonth: '不足 1 个月',
  signInTitle: '登录',
  signInIntro: '请使用员工账号登录，以打开客户全景视图。',
  userNameLabel: '用户名',
  passwordLabel: '密码',
  signInButton: '登录',
  signingIn: '正在登录…',
  signInMissing: '请输入用户名和密码。',
  signInRefused: '用户名或密码错误。',
  signInLocked: '密码错误次数过多，账号已暂时锁定。请稍后再试，或联系管理员。',
  signInRateLimited: '登录尝试过于频繁，请一分钟后再试。',
  signInUnavailable: '服务没有响应，请稍后重试。',
  sessionExpired: '登录已过期，请重新登录后继续。',
  signedInAs: '当前用户',
  signOut: '退出登录',
  'role.store': '门店店员',
  'role.account-manager': '客户经理',
  'role.phone-manager': '电话经理',
  'role.supervisor': '主管',
  'role.admin': '管理员',
  'role.ingest': '数据接入',
  'scope.store': '门店 {id}',
  'scope.manager': '经理 {id}',
  'scope.region': '区域 {id}',
  'scope.all': '全部客户',
  forbiddenTitle: '无权查看',
  forbiddenBody: '您无权查看客户 {id}。',
};

const zhCN: Messages = {
  ...baseZhCN,
  ...profileStrings.zh,
  ...kitStrings.zh,
  ...storeStrings.zh,
  ...accountManagerStrings.zh,
  ...phoneManagerStrings.zh,
  ...supervisorStrings.zh,
  ...adminStrings.zh,
};

const catalogs: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
const storageKey = 'c360.locale';

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The saved choice, else the browser's language: any Chinese gets zh-CN, everything else English. */
function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // Storage can be disabled; the browser's language still decides.
  }
  const preferred = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return preferred.find((l) => l)?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const currentLocale = new Observable<Locale>(initialLocale());

export function setLocale(locale: Locale): void {
  currentLocale.set(locale);
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered across reloads; the switch still works.
  }
}

// Keeps <html lang> right for screen readers and for the CJK font choice.
const applyLang = (locale: Locale) => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};
applyLang(currentLocale.get());
currentLocale.subscribe(applyLang);

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, params) => {
    const template = messages[key];
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
  };
}

/** The current locale and its translator; re-renders the component when the language is switched. */
export function useI18n(): { locale: Locale; t: Translate } {
  const locale = useObservable(currentLocale);
  return { locale, t: translator(locale) };
}
