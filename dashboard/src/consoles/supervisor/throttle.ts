/**
 * Runs an async task when asked, but never more often than once per `intervalMs` and never two at once. Asks
 * that come in meanwhile are folded into one more run after the interval, so the last ask is always answered:
 * a burst of "the counts moved" pushes becomes one re-read a second, the last one after the burst.
 */
export class Throttle {
  private lastStart = -Infinity;
  private running = false;
  private wanted = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMs = 1000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  request(): void {
    if (this.disposed) return;
    this.wanted = true;
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.running || this.timer !== undefined || !this.wanted) return;
    const wait = this.lastStart + this.intervalMs - this.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, wait);
      return;
    }
    void this.run();
  }

  private async run(): Promise<void> {
    this.wanted = false;
    this.running = true;
    this.lastStart = this.now();
    try {
      await this.task();
    } catch (error) {
      // The next push asks again; nothing to do but say so.
      console.warn('Re-reading the tier board failed', error);
    } finally {
      this.running = false;
      if (!this.disposed) this.schedule();
    }
  }
}
