import type { z } from "zod";
import { emptyCounts, type IngestCounts } from "../ingest-counts";
import { checkTime, parseRfc3339 } from "../ingest-time";
import { MalformedBodyError } from "../malformed-body";
import type { Observation } from "../observation";
import { reject, type Reject, type RejectCode } from "../reject";
import { unitPathSchema } from "@/lib/vsm/algedonic/schemas";
import { indicatorKeySchema, MAX_BATCH_ITEMS, observationItemSchema, type ObservationItem } from "./observation-batch-schema";

export interface ObservationBatchResult {
  observations: Observation[];
  /** Where each observation came from in the request (`observations[7]`), aligned with `observations`. */
  positions: string[];
  rejects: Reject[];
  counts: IngestCounts;
}

/**
 * Decodes a parsed JSON body of `POST /api/v1/observations`. A body that is not
 * `{ observations: [...] }` or has more than MAX_BATCH_ITEMS items fails as a whole; each bad item
 * is a reject naming its path, and the good items still count, so one typo does not cost a batch.
 * The route may still answer 422 when it prefers all-or-nothing: the rejects carry every path.
 *
 * Duplicates: items with the same unit, indicator and time in one batch — last wins, as a later
 * write of the same point would (observations are keyed by indicator and time). Earlier ones are
 * counted as `superseded`, not rejected: a client correcting a value within a batch did no wrong.
 */
export function decodeObservationBatch(body: unknown, options: { now: number }): ObservationBatchResult {
  const items = batchItems(body);
  const counts = emptyCounts("json");
  counts.points = items.length;
  const rejects: Reject[] = [];
  const latest = new Map<string, { observation: Observation; at: string }>();
  const plain = plainItems();
  items.forEach((item, index) => {
    const at = `observations[${index}]`;
    const parsed = plain(item) ?? observationItemSchema.safeParse(item);
    if (!parsed.success) {
      rejects.push(itemReject(at, parsed.error));
      return;
    }
    const time = checkTime(timeOf(parsed.data), options.now);
    if (!time.ok) {
      rejects.push(reject(at, "invalid_time", `${at}.time: ${time.reason}`, subjectOf(parsed.data)));
      return;
    }
    const observation = toObservation(parsed.data, time.time);
    const key = `${observation.unitPath}\u0000${"indicatorKey" in observation ? observation.indicatorKey : `#${observation.indicatorId}`}\u0000${observation.time}`;
    // Deleting first moves the key to the end, so the output keeps the order of the winning items.
    if (latest.delete(key)) counts.superseded += 1;
    latest.set(key, { observation, at });
  });
  const winners = [...latest.values()];
  counts.observations = winners.length;
  counts.rejected = rejects.length;
  return { observations: winners.map((w) => w.observation), positions: winners.map((w) => w.at), rejects, counts };
}

/**
 * The schema's answer for the usual item — a unit path and indicator key seen before in the batch
 * (each checked by its schema once), epoch milliseconds and a finite value — without running the
 * whole item schema per item, which was most of decoding a batch. Anything else is left to the
 * schema (undefined), so every item the fast path takes is one the schema takes, with the same
 * fields (unknown fields dropped).
 */
function plainItems(): (item: unknown) => { success: true; data: ObservationItem } | undefined {
  const units = new Map<string, boolean>();
  const keys = new Map<string, boolean>();
  const valid = (memo: Map<string, boolean>, schema: z.ZodType, text: string) => {
    let ok = memo.get(text);
    if (ok === undefined) memo.set(text, (ok = schema.safeParse(text).success));
    return ok;
  };
  return (item) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return undefined;
    const { unit, indicator, indicatorId, time, value } = item as Record<string, unknown>;
    if (typeof unit !== "string" || typeof indicator !== "string" || indicatorId !== undefined) return undefined;
    if (typeof time !== "number" || !Number.isSafeInteger(time) || typeof value !== "number" || !Number.isFinite(value)) return undefined;
    if (!valid(units, unitPathSchema, unit) || !valid(keys, indicatorKeySchema, indicator)) return undefined;
    return { success: true, data: { unit, indicator, time, value } };
  };
}

function batchItems(body: unknown): unknown[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new MalformedBodyError("expected a JSON object with an observations array");
  }
  const items = (body as { observations?: unknown }).observations;
  if (!Array.isArray(items)) {
    throw new MalformedBodyError("observations must be an array", {
      code: "validation_failed",
      details: [{ path: "observations", message: "expected an array" }],
    });
  }
  if (items.length > MAX_BATCH_ITEMS) {
    throw new MalformedBodyError(`at most ${MAX_BATCH_ITEMS} observations per request; split the batch`, {
      code: "validation_failed",
      details: [{ path: "observations", message: `${items.length} items, at most ${MAX_BATCH_ITEMS}` }],
    });
  }
  return items;
}

function timeOf(item: ObservationItem): number {
  // The schema has already checked the string; NaN cannot reach here, but checkTime would refuse it.
  return typeof item.time === "number" ? item.time : (parseRfc3339(item.time) ?? Number.NaN);
}

function toObservation(item: ObservationItem, time: number): Observation {
  if (item.indicatorId !== undefined) return { unitPath: item.unit, indicatorId: item.indicatorId, time, value: item.value };
  return { unitPath: item.unit, indicatorKey: item.indicator!, time, value: item.value };
}

function subjectOf(item: ObservationItem): { unitPath: string; indicatorKey?: string } {
  return { unitPath: item.unit, ...(item.indicator === undefined ? {} : { indicatorKey: item.indicator }) };
}

const CODE_BY_FIELD: Record<string, RejectCode> = {
  unit: "invalid_unit",
  indicator: "invalid_indicator",
  indicatorId: "invalid_indicator",
  time: "invalid_time",
  value: "invalid_value",
};

/** One reject per item, coded by its first problem, its message naming every problem's path. */
function itemReject(at: string, error: z.ZodError): Reject {
  const first = error.issues[0];
  const field = typeof first?.path[0] === "string" ? first.path[0] : "";
  const message = error.issues.map((issue) => `${[at, ...issue.path.map(String)].join(".")}: ${issue.message}`).join("; ");
  return reject(at, CODE_BY_FIELD[field] ?? "invalid_item", message);
}
