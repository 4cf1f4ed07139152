import type { Identity } from '../../api';

/**
 * The panoramic profile as `GET /api/v1/customers/{id}` answers it (ProfileView on the gateway). Enum values are
 * kebab-case words; missing optional fields are left out rather than sent as null.
 */

export type Tier = 'mass' | 'mid-high' | 'group-mid-high' | 'strategic';
export type Stage = 'exploring' | 'forming' | 'stable' | 'declining' | 'churned';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type AlertState = 'open' | 'acknowledged' | 'snoozed' | 'resolved';

/** Every tier and stage, in the order filters offer them (highest tier first, stages as a life runs). */
export const TIERS: readonly Tier[] = ['strategic', 'group-mid-high', 'mid-high', 'mass'];
export const STAGES: readonly Stage[] = ['exploring', 'forming', 'stable', 'declining', 'churned'];
/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** A derived value's reason: a stable code and its words in the language asked for. */
export interface Reason {
  code: string;
  text: string;
}

/** The card's identity fields, and what the full profile adds to them. */
export interface ProfileIdentity extends Identity {
  tenureMonths?: number;
  birthday?: string;
  gender?: string;
  occupation?: string;
  interests?: string[];
  groupId?: string;
  groupClass?: string;
  keyPerson?: boolean;
  familyDecisionMaker?: boolean;
}

export interface Products {
  planName: string;
  monthlyFee: number;
  voiceMinutes: number;
  dataMb: number;
  sms: number;
  broadband: boolean;
  virtualNetwork: boolean;
  valueAddedServices: string[];
  contractEnd?: string;
  paymentMode: 'postpaid' | 'prepaid';
  autoPay: boolean;
}

export interface Device {
  brand: string;
  model: string;
  priceBand: string;
  dualSim: boolean;
  inUseSince: string;
}

export interface ProfileUsage {
  month: string;
  dataMb: number;
  voiceMinutes: number;
  sms: number;
  roamingDataMb: number;
  competitorServiceCalls: number;
  dataSaturationPercent?: number;
  voiceSaturationPercent?: number;
  history: { month: string; dataMb: number; voiceMinutes: number; sms: number }[];
}

export interface Billing {
  /** Newest first, at most six closed months. */
  bills: { month: string; amount: number }[];
  a3: number;
  balance: number;
  outstanding: number;
  arrearsSince?: string;
}

export interface TierInfo {
  tier: Tier;
  stars: number;
  card: 'none' | 'silver' | 'gold' | 'diamond';
  reason: Reason;
  since: string;
}

export interface StageInfo {
  stage: Stage;
  reason: Reason;
  since: string;
}

export interface TagInfo {
  code: string;
  source: 'automatic' | 'manual';
  reason?: Reason;
  author?: string;
  at: string;
}

export interface AlertInfo {
  id: string;
  kind: string;
  category: string;
  severity: Severity;
  state: AlertState;
  reason: Reason;
  raisedAt: string;
  owner?: string;
  snoozedUntil?: string;
}

export interface ActionInfo {
  code: string;
  family: string;
  reason: Reason;
}

export interface Derived {
  tier?: TierInfo;
  stage?: StageInfo;
  tags: TagInfo[];
  alerts: AlertInfo[];
  actions: ActionInfo[];
  satisfactionIndex: number;
  inMidHighBase: boolean;
}

export interface WorkOrder {
  id: string;
  customerId: string;
  kind: string;
  addressee: { kind: string; id: string };
  dispatchedBy: { userName: string; role: string };
  dispatchedAt: string;
  dueAt: string;
  notes?: string;
  state: string;
  step: number;
  changedAt: string;
  changedBy: string;
  outcome?: string;
  reason?: string;
}

export interface FullProfile {
  customerId: string;
  version: number;
  identity?: ProfileIdentity;
  products?: Products;
  device?: Device;
  usage?: ProfileUsage;
  billing?: Billing;
  derived?: Derived;
  closure?: { on?: string; portedOut?: boolean };
  updatedAt?: string;
  workOrders?: WorkOrder[];
}

/** One entry of `GET /api/v1/customers/{id}/timeline`, newest first. */
export interface TimelineEntry {
  seq: number;
  eventId: string;
  type: string;
  occurredAt: string;
  /** As journaled; left out for masked viewers on registrations and updates. */
  payload?: Record<string, unknown>;
}
