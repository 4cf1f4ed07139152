import type { Stage, SummaryLine, Tier } from '../kit/types';
import type { TopicMessage, TopicSnapshot } from '../../live';

/** A customer's line on lists (CustomerSummary on the gateway): what the portfolio shows of each customer. */
export type CustomerLine = SummaryLine;

/** The customer was identified at a store's counter (the `walkIn` push). */
export interface WalkInNotice {
  storeId: string;
  by?: string;
  at: string;
}

export interface PortfolioRow {
  line: CustomerLine;
  walkIn?: WalkInNotice;
  /** The push count when the row was last written: a re-read only drops rows it is newer than. */
  stamp: number;
}

function isLine(value: unknown): value is CustomerLine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.customerId === 'string' && typeof v.version === 'number';
}

export function linesOf(data: unknown): CustomerLine[] {
  const customers = (data as { customers?: unknown } | null)?.customers;
  return Array.isArray(customers) ? customers.filter(isLine) : [];
}

/**
 * The account manager's portfolio as followed on `portfolio:{managerId}`: built from the snapshot, then kept by
 * pushes. Notices for different customers carry the list's version and may interleave, so each row is kept by
 * its own line's version: an older line never replaces a newer one. Mutated in place and rendered by
 * `revision`: under a burst of pushes, copying a thousand rows per push would be the freeze useTopic prevents.
 */
export class Portfolio {
  readonly rows = new Map<string, PortfolioRow>();
  /** Bumped by every change; views memoise on it. */
  revision = 0;
  /** The push count at the latest "look again" notice (`changed: []`, no line) not yet answered; 0 if none. */
  lookAgain = 0;
  private pushes = 0;

  constructor(lines: readonly CustomerLine[]) {
    for (const line of lines) this.rows.set(line.customerId, { line, stamp: 0 });
  }

  static fromSnapshot(snapshot: TopicSnapshot): Portfolio {
    return new Portfolio(linesOf(snapshot.data));
  }

  apply(kind: string, message: TopicMessage): Portfolio {
    this.pushes++;
    const summary = isLine(message.summary) ? message.summary : null;
    const changed = Array.isArray(message.changed) ? (message.changed as unknown[]) : [];
    if (kind === 'walkIn') {
      const walkIn = message.walkIn as { storeId?: string; by?: string; at?: string } | undefined;
      if (summary) this.put(summary);
      const row = summary && this.rows.get(summary.customerId);
      if (row && walkIn?.storeId && walkIn.at) row.walkIn = { storeId: walkIn.storeId, by: walkIn.by, at: walkIn.at };
    } else if (kind === 'profileChanged') {
      if (!summary) {
        // The gateway found it had missed something: read the whole list again.
        if (changed.length === 0) this.lookAgain = this.pushes;
      } else if (changed.includes('removed')) {
        const row = this.rows.get(summary.customerId);
        if (row && row.line.version <= summary.version) this.rows.delete(summary.customerId);
      } else {
        this.put(summary);
      }
    }
    this.revision++;
    return this;
  }

  /**
   * The answer to a re-read asked for at push count `askedAt`: newer lines replace older ones, and rows the
   * list no longer holds go, unless a push wrote them after the re-read was asked for.
   */
  refresh(lines: readonly CustomerLine[], askedAt: number): void {
    const fresh = new Set<string>();
    for (const line of lines) {
      fresh.add(line.customerId);
      this.put(line);
    }
    for (const [id, row] of this.rows) if (!fresh.has(id) && row.stamp <= askedAt) this.rows.delete(id);
    if (this.lookAgain <= askedAt) this.lookAgain = 0;
    this.revision++;
  }

  private put(line: CustomerLine): void {
    const row = this.rows.get(line.customerId);
    if (row && row.line.version > line.version) return;
    this.rows.set(line.customerId, { line, walkIn: row?.walkIn, stamp: this.pushes });
  }
}

/** Most in need of attention first, then by name (as the server sorts its snapshot). */
export function byAttention(a: CustomerLine, b: CustomerLine): number {
  if (a.attention !== b.attention) return b.attention - a.attention;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0;
}

export interface LineFilter {
  tier: Tier | '';
  stage: Stage | '';
  tag: string;
}

export const noFilter: LineFilter = { tier: '', stage: '', tag: '' };

export function matches(line: CustomerLine, f: LineFilter): boolean {
  return (!f.tier || line.tier === f.tier) && (!f.stage || line.stage === f.stage) && (!f.tag || line.tags.includes(f.tag));
}
