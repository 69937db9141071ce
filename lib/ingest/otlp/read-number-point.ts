import { checkTime, nanosToMillis } from "../ingest-time";
import { int64NanosToMillis, int64ToNumber, isInt64 } from "./otlp-int64";
import { keyValueSchema, type OtlpKeyValue } from "./otlp-request-schema";
import { z } from "zod";

/** OTLP DataPointFlags: the point marks the end of a series (what Prometheus calls stale). */
const FLAG_NO_RECORDED_VALUE = 1;

export type NumberPointRead =
  | { kind: "point"; time: number; start?: number; value: number; attributes: OtlpKeyValue[] }
  | { kind: "stale" }
  | { kind: "nan" }
  | { kind: "invalid"; code: "invalid_time" | "invalid_value" | "invalid_item"; reason: string };

const attributesSchema = z.array(keyValueSchema);

/**
 * One NumberDataPoint, in the plain shape both encodings share. Times are fixed64 nanoseconds (a
 * decoded protobuf integer, a decimal string, or a JSON number from OTel-JS); the value is
 * `asDouble` (a number, or in JSON also "NaN", "Infinity" or a numeric string) or `asInt` (a
 * decoded protobuf integer, a decimal string or a number).
 */
export function readNumberPoint(raw: unknown, now: number): NumberPointRead {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { kind: "invalid", code: "invalid_item", reason: "a data point must be an object" };
  const point = raw as Record<string, unknown>;
  if (typeof point.flags === "number" && (point.flags & FLAG_NO_RECORDED_VALUE) !== 0) return { kind: "stale" };
  const attributes = readAttributes(point.attributes);
  if (attributes === null) return { kind: "invalid", code: "invalid_item", reason: "attributes must be a list of { key, value }" };
  const time = millisOf(point.timeUnixNano);
  if (time === null) return { kind: "invalid", code: "invalid_time", reason: "timeUnixNano is missing, zero or not whole nanoseconds" };
  const checked = checkTime(time, now);
  if (!checked.ok) return { kind: "invalid", code: "invalid_time", reason: checked.reason };
  const value = valueOf(point);
  if (value === null)
    return { kind: "invalid", code: "invalid_value", reason: "the point has neither a numeric asDouble nor an integer asInt" };
  if (Number.isNaN(value)) return { kind: "nan" };
  if (!Number.isFinite(value)) return { kind: "invalid", code: "invalid_value", reason: "the value is infinite" };
  const start = millisOf(point.startTimeUnixNano);
  return { kind: "point", time: checked.time, value, attributes, ...(start === null ? {} : { start }) };
}

/** Most points carry no attributes of their own: those skip the schema. */
function readAttributes(raw: unknown): OtlpKeyValue[] | null {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return [];
  const parsed = attributesSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** fixed64 nanoseconds: decoded from protobuf (otlp-int64.ts), or a string or number from JSON. */
function millisOf(nanos: unknown): number | null {
  return isInt64(nanos) ? int64NanosToMillis(nanos) : nanosToMillis(nanos);
}

function valueOf(point: Record<string, unknown>): number | null {
  const { asDouble, asInt } = point;
  if (isInt64(asInt)) return int64ToNumber(asInt);
  if (typeof asDouble === "number") return asDouble;
  if (typeof asDouble === "string") return doubleFromJson(asDouble);
  if (typeof asInt === "number") return Number.isInteger(asInt) ? asInt : null;
  if (typeof asInt === "string") return /^-?\d{1,20}$/.test(asInt) ? Number(asInt) : null;
  return null;
}

/** proto3 JSON writes non-finite doubles as "NaN", "Infinity", "-Infinity", and allows numeric strings. */
function doubleFromJson(text: string): number | null {
  if (text === "NaN") return Number.NaN;
  if (text === "Infinity") return Number.POSITIVE_INFINITY;
  if (text === "-Infinity") return Number.NEGATIVE_INFINITY;
  return /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : null;
}
