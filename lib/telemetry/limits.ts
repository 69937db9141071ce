/**
 * Body limits of the ingestion endpoints. A JSON batch holds at most 10,000 items of ~100 bytes;
 * OTLP and remote-write bodies are compressed on the wire and limited again once expanded, so a
 * small "zip bomb" is refused (413) before it costs memory.
 */
export const MAX_JSON_BATCH_BYTES = 4 * 1024 * 1024;
export const MAX_METRICS_WIRE_BYTES = 8 * 1024 * 1024;
export const MAX_METRICS_EXPANDED_BYTES = 32 * 1024 * 1024;
export const MAX_ALERTS_BYTES = 4 * 1024 * 1024;
