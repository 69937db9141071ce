import "server-only";
import type { ExternalAlertEvent } from "@/lib/ingest/alertmanager/decode-alerts";
import type { CumulativePoint } from "@/lib/ingest/cumulative-rate";
import type { UnassignedCount } from "@/lib/ingest/unassigned";
import { FilterCache } from "@/lib/pipeline/filter-cache";
import type { Fold } from "@/lib/pipeline/materialize-rollups";
import { RollupFolder } from "@/lib/pipeline/rollup-folder";
import { countPipelineBatch } from "@/lib/metrics/console-metrics";
import { SignalCache } from "@/lib/signals/signal-cache";
import { signalsFromAlerts } from "@/lib/signals/signals-from-alerts";
import { observationSummaryEvent } from "@/lib/pipeline/observation-summary";
import { signalsFromBatch, type SignalCounts } from "@/lib/signals/signals-from-batch";
import type { IndicatorRuntime } from "@/lib/pipeline/step-points";
import { storePoints, type StoredPoints } from "@/lib/pipeline/store-points";
import { appendAudit, type AuditEntry } from "@/lib/store/audit-events";
import { writeCounterMemory } from "@/lib/store/counter-memory";
import type { Database } from "@/lib/store/database";
import { upsertExternalAlerts } from "@/lib/store/external-alerts";
import { claimKey, saveAnswer, type IdempotentAnswer } from "@/lib/store/idempotent-requests";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { queueStreamEvents } from "@/lib/store/stream-events";
import { countUnassigned } from "@/lib/store/unassigned-points";
import { filterParams, type FilterParams } from "@/lib/vsm/filter/filter-params";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { DEFAULT_POLICY, type Policy } from "@/lib/vsm/policy";

/** Everything one request writes, in one transaction (docs/design.md §5). */
export interface BatchWrites {
  points: readonly { indicator: IndicatorTarget; time: number; value: number }[];
  unassigned?: readonly UnassignedCount[];
  counterMemory?: ReadonlyMap<string, CumulativePoint>;
  alerts?: readonly ExternalAlertEvent[];
}

export interface BatchOutcome extends Omit<StoredPoints, "commit" | "events" | "levels"> {
  events: number;
  alerts: { created: number; updated: number };
  /** Algedonic signals the batch raised, and running ones it changed (lib/signals/signals-from-batch.ts). */
  signals: SignalCounts;
}

/** Who is writing and why, for the batch's audit entry; the outcome's counts are added to `detail`. */
export type WriteAudit = Omit<AuditEntry, "detail"> & { detail?: Record<string, unknown> };

/** An `Idempotency-Key` and how to answer: the answer is stored in the batch's own transaction. */
export interface Idempotency {
  actor: string;
  key: string;
  requestHash: string;
  answer(outcome: BatchOutcome): { status: number; body: unknown };
}

export type BatchResult =
  { kind: "stored"; outcome: BatchOutcome; answer?: { status: number; body: unknown } } | { kind: "replayed"; answer: IdempotentAnswer };

export interface PipelineOptions {
  /** Filter states kept in memory; a miss costs a checkpoint read and a short replay. */
  cacheSize?: number;
  policy?: Policy;
  now?: () => number;
  /** Least time between two roll-up folds of this process, in ms (rollup-folder.ts). */
  foldInterval?: number;
  /** A fold failed: its entries stay in the journal for the next one. */
  onFoldError?: (error: unknown) => void;
  onFold?: (fold: Fold) => void;
}

/** One second: a fold then takes every batch of that second, and a reader never has more than a few seconds of journal to add. */
export const FOLD_INTERVAL = 1000;

/**
 * The ingestion pipeline of one process: its filter cache and the one way a batch is written.
 * Any number of processes may run one against the same database; the cursor locks keep each
 * indicator's filter stepping exactly once per stored in-order point.
 */
export class Pipeline {
  readonly cache: FilterCache;
  /** Running signals as this process last stored them (lib/signals/signal-cache.ts). */
  readonly signals = new SignalCache();
  private readonly policy: Policy;
  private readonly now: () => number;
  private readonly params = new Map<string, FilterParams>();
  private readonly folder: RollupFolder;

  constructor(
    private readonly db: Pick<Database, "sql">,
    options: PipelineOptions = {},
  ) {
    this.cache = new FilterCache(options.cacheSize ?? 50_000);
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.now = options.now ?? Date.now;
    this.folder = new RollupFolder(db.sql, {
      interval: options.foldInterval ?? FOLD_INTERVAL,
      onError: options.onFoldError ?? ((error) => console.error("roll-up fold failed; its journal entries wait for the next", error)),
      onFold: options.onFold,
    });
  }

  /** Folds the whole roll-up journal now (rollup-folder.ts). */
  foldRollups(): Promise<Fold> {
    return this.folder.flush();
  }

  /** Stops folding roll-ups, waiting for a fold in progress: before the database is closed. */
  close(): Promise<void> {
    return this.folder.close();
  }

  /**
   * Writes a batch. With `idempotency`, a request whose key was seen before stores nothing and
   * gets the first answer back (or, if the first is still running, waits for it). Every batch
   * that stores anything appends its audit entry in the same transaction (docs/telemetry-in.md "The audit trail").
   */
  async write(writes: BatchWrites, options: { audit: WriteAudit; idempotency?: Idempotency }): Promise<BatchResult> {
    const now = this.now();
    let stored: StoredPoints | undefined;
    let storedSignals: Signal[] = [];
    const result = await this.db.sql.transaction(async (tx): Promise<BatchResult> => {
      const { idempotency } = options;
      if (idempotency) {
        const previous = await claimKey(tx, idempotency.actor, idempotency.key, idempotency.requestHash);
        if (previous) return { kind: "replayed", answer: previous };
      }
      await countUnassigned(tx, writes.unassigned ?? [], now);
      if (writes.counterMemory) await writeCounterMemory(tx, writes.counterMemory);
      const { rows: storedAlerts, ...alerts } = await upsertExternalAlerts(tx, writes.alerts ?? []);
      stored = await storePoints(
        tx,
        this.cache,
        writes.points.map((p) => ({ indicator: this.runtime(p.indicator), time: p.time, value: p.value })),
        now,
      );
      const targets = new Map(writes.points.map((p) => [p.indicator.id, p.indicator]));
      const summary = stored.stored > 0 ? observationSummaryEvent(writes.points, stored.levels) : null;
      if (summary !== null) await queueStreamEvents(tx, [summary]);
      const fromPoints = await signalsFromBatch(tx, this.signals, targets, stored.events, stored.levels);
      storedSignals = fromPoints.stored;
      const fromAlerts = await signalsFromAlerts(tx, storedAlerts, now);
      const signals = { raised: fromPoints.counts.raised + fromAlerts.raised, updated: fromPoints.counts.updated + fromAlerts.updated };
      const outcome: BatchOutcome = {
        points: stored.points,
        stored: stored.stored,
        duplicates: stored.duplicates,
        stepped: stored.stepped,
        events: stored.events.length,
        rebuilt: stored.rebuilt,
        alerts,
        signals,
      };
      await appendAudit(tx, [auditEntry(options.audit, outcome)]);
      if (!idempotency) return { kind: "stored", outcome };
      const answer = idempotency.answer(outcome);
      await saveAnswer(tx, idempotency.actor, idempotency.key, answer.status, answer.body);
      return { kind: "stored", outcome, answer };
    });
    stored?.commit();
    if (result.kind === "stored") countPipelineBatch(result.outcome);
    for (const signal of storedSignals) this.signals.put(signal);
    if (result.kind === "stored" && result.outcome.stored > 0) this.folder.nudge();
    return result;
  }

  private runtime(target: IndicatorTarget): IndicatorRuntime {
    const key = `${target.direction}|${target.kind}|${target.family ?? ""}`;
    let params = this.params.get(key);
    if (params === undefined) {
      params = filterParams(this.policy, { direction: target.direction, kind: target.kind, family: target.family });
      this.params.set(key, params);
    }
    return { id: target.id, params, kind: target.kind, capability: target.capability, potentiality: target.potentiality };
  }
}

function auditEntry(audit: WriteAudit, outcome: BatchOutcome): AuditEntry {
  const { points, stored, duplicates, stepped, events, alerts, signals } = outcome;
  return { ...audit, detail: { ...audit.detail, points, stored, duplicates, stepped, events, alerts, signals } };
}
