import { SLUG_PATTERN } from "@/lib/vsm/model/path";

/**
 * Indicator keys are slugs, as in the model file (lowercase letters, digits and '-', at most 64).
 * Metric names from OTLP (`http.server.request.duration`) and Prometheus (`http_requests_total`)
 * are not, so they are mapped one way and documented: lowercase, and every run of other
 * characters becomes one '-', with none at either end. `http_requests_total` is the indicator
 * `http-requests-total`; an already slugged name maps to itself. Names that differ only in
 * punctuation (`a.b`, `a_b`) map to the same key, which is what a model author expects.
 */
export const INDICATOR_KEY_PATTERN = SLUG_PATTERN;

export type KeyMapping = { ok: true; key: string } | { ok: false; reason: string };

export function metricNameToKey(name: string): KeyMapping {
  let mapping = mapped.get(name);
  if (mapping === undefined) {
    // Bounded: a sender inventing names must not grow it without end.
    if (mapped.size >= MAPPED_NAMES) mapped.clear();
    mapping = mapName(name);
    mapped.set(name, mapping);
  }
  return mapping;
}

/** Every point of every request names its metric, and a deployment has a few thousand names: each is mapped once. */
const MAPPED_NAMES = 10_000;
const mapped = new Map<string, KeyMapping>();

function mapName(name: string): KeyMapping {
  const key = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (key === "") return { ok: false, reason: `metric name "${clip(name)}" has no letters or digits to form an indicator key` };
  if (!INDICATOR_KEY_PATTERN.test(key))
    return { ok: false, reason: `metric name "${clip(name)}" gives an indicator key longer than 64 characters` };
  return { ok: true, key };
}

/** Keeps a hostile name from bloating a reject message. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
