import type { IRetryPolicy, RetryContext } from '@microsoft/signalr';

export interface BackoffOptions {
  /** The ceiling of the first delay, in ms; it doubles on each consecutive failure. */
  initialMs: number;
  /** No delay is longer than this, however long the outage. */
  maxMs: number;
}

const defaults: BackoffOptions = { initialMs: 500, maxMs: 30_000 };

/**
 * Exponential backoff with jitter that never gives up: a console left open all day must come back by itself
 * after a gateway restart or a network outage of any length. The jitter ("equal jitter": half fixed, half
 * random) keeps a room full of consoles from reconnecting in lock step when a gateway comes back.
 */
export class BackoffRetryPolicy implements IRetryPolicy {
  private readonly options: BackoffOptions;

  constructor(options: Partial<BackoffOptions> = {}, private readonly random: () => number = Math.random) {
    this.options = { ...defaults, ...options };
  }

  nextRetryDelayInMilliseconds(context: RetryContext): number {
    return backoffDelay(context.previousRetryCount, this.options, this.random);
  }
}

export function backoffDelay(failures: number, options: BackoffOptions = defaults, random: () => number = Math.random): number {
  // Cap the exponent first so that 2 ** failures cannot overflow after days of retries.
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(failures, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
