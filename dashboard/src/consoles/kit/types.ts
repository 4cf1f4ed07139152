/**
 * What the gateway sends the phone-manager and store consoles, as they read it (DomainJson: camelCase, enum
 * values in kebab-case, null fields left out). Only what the consoles show is typed; the rest rides along.
 */

export type Tier = 'mass' | 'mid-high' | 'group-mid-high' | 'strategic';
export type Stage = 'exploring' | 'forming' | 'stable' | 'declining' | 'churned';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type AlertState = 'open' | 'acknowledged' | 'snoozed' | 'resolved';
export type WorkOrderState = 'dispatched' | 'accepted' | 'done' | 'rejected' | 'expired';
export type WorkOrderKind = 'device-swap' | 'sim' | 'payment' | 'visit' | 'other';
export type AddresseeKind = 'store' | 'account-manager';

export const severities: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
export const workOrderKinds: readonly WorkOrderKind[] = ['device-swap', 'sim', 'payment', 'visit', 'other'];

/** A reason as the gateway words it for the console's language. */
export interface Reason {
  code: string;
  text: string;
}

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
  attention: number;
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

export interface AlertView {
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
