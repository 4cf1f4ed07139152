import type { TopicMessage, TopicSnapshot } from '../../live';

/**
 * The state of a region's tier board as the console holds it: the counts (from the topic's snapshot, then from
 * re-reads of `GET /api/v1/tiers/board` when a push says they moved) and the tier changes (from the snapshot,
 * then one by one from `tierChanged` pushes). Pure functions over plain data; the console wires them to
 * `useTopic` and the re-read.
 */

export const tiers = ['strategic', 'group-mid-high', 'mid-high', 'mass'] as const;
export type TierName = (typeof tiers)[number];
export const stages = ['exploring', 'forming', 'stable', 'declining', 'churned'] as const;
export type StageName = (typeof stages)[number];

/** The board keeps its latest 100 changes; so does the console. */
export const MAX_CHANGES = 100;

export interface TierReason {
  code: string;
  /** In the snapshot and REST answers: the reason's arguments, rendered by the console. */
  args?: Record<string, string> | null;
  /** In pushes: the reason already worded by the gateway. */
  text?: string;
  textZh?: string;
}

export interface TierChange {
  /** Identifies the change across snapshot, pushes and re-reads. */
  key: string;
  customerId: string;
  name: string;
  from: string;
  to: string;
  fromStars: number;
  toStars: number;
  reason: TierReason;
  /** ISO 8601 instant. */
  at: string;
  /** Arrived after the snapshot: the row is new on screen and flashes once. */
  fresh: boolean;
}

export interface BoardCounts {
  /** The board version these counts were read at. */
  version: number;
  tiers: Record<TierName, number>;
  stages: Record<StageName, number>;
  midHighBase: number;
  retained: number;
  /** 0–100 with one decimal, or null while the base is empty. */
  retentionPercent: number | null;
  churnRisk: number;
}

export interface BoardState {
  counts: BoardCounts;
  changes: TierChange[];
  /**
   * The topic version of the latest push that said the counts moved (0: none since the snapshot): the console
   * re-reads them when it changes. Versions only grow, so a new snapshot followed by a push still changes it.
   */
  countsMovedAt: number;
}

/** A board as the snapshot's `data` and `GET /api/v1/tiers/board` give it; null when the shape is not a board. */
export interface BoardData {
  counts: BoardCounts;
  changes: TierChange[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readBoard(data: unknown): BoardData | null {
  if (!isObject(data) || !isObject(data.tiers)) return null;
  const tierCounts = data.tiers;
  const stageCounts = isObject(data.stages) ? data.stages : {};
  return {
    counts: {
      version: count(data.version),
      tiers: Object.fromEntries(tiers.map((t) => [t, count(tierCounts[t])])) as Record<TierName, number>,
      stages: Object.fromEntries(stages.map((s) => [s, count(stageCounts[s])])) as Record<StageName, number>,
      midHighBase: count(data.midHighBase),
      retained: count(data.retained),
      retentionPercent: typeof data.retentionPercent === 'number' ? data.retentionPercent : null,
      churnRisk: count(data.churnRisk),
    },
    changes: (Array.isArray(data.changes) ? data.changes : []).map((c) => readChange(c, false)).filter((c): c is TierChange => c !== null),
  };
}

export function readChange(value: unknown, fresh: boolean): TierChange | null {
  if (!isObject(value) || typeof value.customerId !== 'string') return null;
  const reason = isObject(value.reason) ? value.reason : {};
  const change = {
    customerId: value.customerId,
    name: text(value.name),
    from: text(value.from),
    to: text(value.to),
    fromStars: count(value.fromStars),
    toStars: count(value.toStars),
    reason: {
      code: text(reason.code),
      args: isObject(reason.args) ? (reason.args as Record<string, string>) : null,
      ...(typeof reason.text === 'string' ? { text: reason.text } : {}),
      ...(typeof reason.textZh === 'string' ? { textZh: reason.textZh } : {}),
    },
    at: text(value.at),
    fresh,
  };
  return { ...change, key: changeKey(change) };
}

/**
 * A change is one customer's move to a tier at a moment. The moment is compared to the second: the read model
 * gives it back from PostgreSQL with fewer fractional digits than the push carried.
 */
function changeKey(c: { customerId: string; from: string; to: string; toStars: number; at: string }): string {
  const time = Date.parse(c.at);
  return `${c.customerId}|${c.from}>${c.to}${c.toStars}|${Number.isNaN(time) ? c.at : Math.floor(time / 1000)}`;
}

export function initBoard(snapshot: TopicSnapshot): BoardState {
  const board = readBoard(snapshot.data);
  const empty: BoardData = readBoard({ version: snapshot.version, tiers: {} })!;
  const { counts, changes } = board ?? empty;
  return { counts: { ...counts, version: Math.max(counts.version, snapshot.version) }, changes: changes.slice(0, MAX_CHANGES), countsMovedAt: 0 };
}

/** Folds one push into the board. */
export function applyPush(state: BoardState, kind: string, message: TopicMessage): BoardState {
  let next = state;
  if (kind === 'tierChanged') {
    const change = readChange(message.tierChange, true);
    if (change) next = { ...next, changes: mergeChanges(next.changes, [change]) };
  }
  const changed = Array.isArray(message.changed) ? message.changed : [];
  if (changed.includes('counts')) next = { ...next, countsMovedAt: Math.max(next.countsMovedAt, message.version) };
  return next;
}

/**
 * Lays a re-read board over the state: its counts if they are newer than the ones shown, and any change the
 * pushes had not brought (a re-read can only add: a change once shown stays until it falls off the end).
 */
export function withReread(state: BoardState, reread: BoardData | null): BoardState {
  if (!reread) return state;
  const counts = reread.counts.version > state.counts.version ? reread.counts : state.counts;
  const added = reread.changes.filter((c) => !state.changes.some((s) => s.key === c.key)).map((c) => ({ ...c, fresh: true }));
  if (counts === state.counts && added.length === 0) return state;
  return { ...state, counts, changes: added.length ? mergeChanges(state.changes, added) : state.changes };
}

/** Newest first, each change once, at most {@link MAX_CHANGES}. */
function mergeChanges(current: readonly TierChange[], incoming: readonly TierChange[]): TierChange[] {
  const known = new Set(current.map((c) => c.key));
  const added = incoming.filter((c) => !known.has(c.key));
  if (added.length === 0) return current as TierChange[];
  return [...added, ...current].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, MAX_CHANGES);
}

/** Tier, then stars: mass ★ < … < ★★★★ < mid/high < group mid/high < strategic. */
export function rank(tier: string, stars: number): number {
  const order = tiers.indexOf(tier as TierName);
  return order < 0 ? 0 : (tiers.length - order) * 10 + (tier === 'mass' ? stars : 0);
}
