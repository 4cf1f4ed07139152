/**
 * What the gateway sends the phone-manager and store consoles, as they read it (DomainJson: camelCase, enum
 * values in kebab-case, null fields left out). Only what the consoles show is typed; the rest rides along.
 */

import type { AlertInfo, AlertState, Reason, Severity, Stage, Tier } from '../../components/profile/types';

// The profile's own words for what the profile and the lists share.
export type { AlertState, Reason, Severity, Stage, Tier };
export type AlertView = AlertInfo;
export type WorkOrderState = 'dispatched' | 'accepted' | 'done' | 'rejected' | 'expired';
export type WorkOrderKind = 'device-swap' | 'sim' | 'payment' | 'visit' | 'other';
export type AddresseeKind = 'store' | 'account-manager';

export const severities: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
export const workOrderKinds: readonly WorkOrderKind[] = ['device-swap', 'sim', 'payment', 'visit', 'other'];

/** An unresolved alert as list lines carry it. */
export interface AlertSummary {
  id: string;
  kind: string;
  severity: Severity;
  state: AlertState;
  owner?: string;
  /** ISO 8601 instants. */
  raisedAt: string;
  snoozedUntil?: string;
}

/** Who a customer is and who looks after them: masked (name, number) for store staff by the server. */
export interface Who {
  name: string;
  msisdn: string;
  region: string;
  homeStoreId?: string;
  accountManagerId?: string;
  phoneManagerId?: string;
}

/** One customer's line on a list (alert queue, walk-ins); kept by its own `version`. */
export interface SummaryLine extends Who {
  customerId: string;
  version: number;
  tier?: Tier;
  stars: number;
  stage?: Stage;
  tags: string[];
  openAlerts: AlertSummary[];
  /** Higher needs attention sooner: open alerts by severity, then a declining stage, then value. */
  attention: number;
  inMidHighBase?: boolean;
  retained?: boolean;
  updatedAt?: string;
}

/** The snapshot of a list topic (`alerts:`) and the answer of its REST read. */
export interface CustomerList {
  version: number;
  customers: SummaryLine[];
}

export interface WalkIn {
  customer: SummaryLine;
  storeId: string;
  by?: string;
  at: string;
}

export interface StoreWalkIns {
  storeId: string;
  version: number;
  walkIns: WalkIn[];
}

export interface WorkOrder {
  id: string;
  customerId: string;
  kind: WorkOrderKind;
  addressee: { kind: AddresseeKind; id: string };
  dispatchedBy: { userName: string; role: string; inbox: string };
  dispatchedAt: string;
  dueAt: string;
  notes?: string;
  state: WorkOrderState;
  /** One more with every step: a copy with a higher step is newer. */
  step: number;
  changedAt: string;
  changedBy: string;
  outcome?: string;
  reason?: string;
}

export interface WorkOrderInbox {
  inbox: string;
  version: number;
  workOrders: WorkOrder[];
}

export interface ActionView {
  code: string;
  family: string;
  reason: Reason;
}

/** The parts of the panoramic profile (`GET /api/v1/customers/{id}`) these consoles show. */
export interface ProfileView {
  customerId: string;
  version: number;
  identity: Who & { tenureMonths?: number };
  derived: {
    tier?: { tier: Tier; stars: number; card: string; reason: Reason };
    stage?: { stage: Stage; reason: Reason };
    tags: { code: string; reason?: Reason }[];
    alerts: AlertView[];
    actions: ActionView[];
    satisfactionIndex: number;
  };
  recentTouchpoints: { at: string; channel: string; kind: string; staffId?: string; note?: string; score?: number }[];
  workOrders: WorkOrder[];
}

export function isOpenOrder(order: WorkOrder): boolean {
  return order.state === 'dispatched' || order.state === 'accepted';
}
