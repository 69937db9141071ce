import "server-only";
import { drainJournal, type Fold } from "@/lib/pipeline/materialize-rollups";
import type { SqlRunner } from "@/lib/store/sql-runner";

export interface RollupFolderOptions {
  /** The least time between two folds of this process: longer folds more batches together. */
  interval: number;
  onError(error: unknown): void;
  onFold?(fold: Fold): void;
}

/**
 * When this process folds the roll-up journal: after a batch commits, at most once per interval,
 * never twice at once, and again at once while a fold leaves work behind. Batches, not a timer,
 * drive it, so it runs wherever batches are written — a serverless function included — and an
 * idle process does nothing; what a fold leaves is folded by the next batch or by maintenance.
 */
export class RollupFolder {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  // As if a fold had just run: the first comes an interval after the process starts writing, with that interval's batches.
  private lastStart = performance.now();
  private closed = false;

  constructor(
    private readonly sql: SqlRunner,
    private readonly options: RollupFolderOptions,
  ) {}

  /** A batch added to the journal. */
  nudge(): void {
    if (this.closed || this.timer !== null) return;
    if (this.running !== null) {
      this.again = true;
      return;
    }
    const wait = Math.max(0, this.lastStart + this.options.interval - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, wait);
    // A pending fold must not keep a process (a CLI, a test) alive: the journal keeps the work.
    this.timer.unref?.();
  }

  /**
   * Folds everything in the journal now, after any fold in progress, and resolves with what it
   * folded: for a caller that is about to read the roll-ups table itself, or a benchmark that
   * counts the fold in its time. Another process holding the fold ends it early.
   */
  async flush(): Promise<Fold> {
    await this.running;
    return drainJournal(this.sql);
  }

  /** Stops folding, waiting for a fold in progress to finish. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private run(): void {
    this.lastStart = performance.now();
    this.running = drainJournal(this.sql)
      .then((fold) => {
        if (fold.entries > 0) this.options.onFold?.(fold);
      }, this.options.onError)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }
}
