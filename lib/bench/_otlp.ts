import { otlpBody } from "@/lib/bench/ingest-bodies";
import { makeClients } from "@/lib/bench/ingest-clients";
import { benchSeries } from "@/lib/bench/ingest-series";
import { readOtlpMetrics, decodeOtlpProtobuf } from "@/lib/ingest/otlp/decode-otlp-metrics";
import { readOtlpProtobuf } from "@/lib/ingest/otlp/read-otlp-protobuf";
import { otlpRequestSchema } from "@/lib/ingest/otlp/otlp-request-schema";

const series = benchSeries({ units: 50, indicatorsPerUnit: 20 });
const [client] = makeClients(series, 3, 1000, 42, Date.now() - 86400000 * 2);
const bodies = Array.from({ length: 200 }, () => otlpBody(client!.generator.next(client!.rounds)) as Uint8Array);
const n = 1000 * bodies.length;
function time(label: string, f: (b: Uint8Array) => unknown) {
  for (const b of bodies.slice(0, 20)) f(b);
  const t = performance.now();
  for (const b of bodies) f(b);
  console.log(label.padEnd(30), (((performance.now() - t) * 1000) / n).toFixed(2), "µs/obs");
}
time("protobuf read", (b) => readOtlpProtobuf(b));
const objs = bodies.map((b) => readOtlpProtobuf(b));
let i = 0;
time("zod parse", () => otlpRequestSchema.safeParse(objs[i++ % objs.length]));
time("read+map", (b) => readOtlpMetrics(readOtlpProtobuf(b), Date.now()));
time("full decode", (b) => decodeOtlpProtobuf(b, { now: Date.now(), memory: new Map() }));
