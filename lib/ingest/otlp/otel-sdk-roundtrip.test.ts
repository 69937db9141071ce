import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { describe, expect, it } from "vitest";
import { decodeOtlpProtobuf, type OtlpResult } from "./decode-otlp-metrics";
import { protobufBody } from "./otel-fixtures";

/** A reader that only collects when asked, as the periodic exporter does on its timer. */
class OnDemandReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

describe("metrics recorded with the OpenTelemetry JS SDK", () => {
  it("arrive as the unit's observations: a counter as a rate, a gauge as its value", async () => {
    const reader = new OnDemandReader();
    const provider = new MeterProvider({
      resource: resourceFromAttributes({ "vsm.unit": "acme/plant", "service.name": "plant" }),
      readers: [reader],
    });
    const meter = provider.getMeter("plant-line");
    const produced = meter.createCounter("units.produced");
    const temperature = meter.createGauge("kiln.temperature");

    produced.add(100, { line: "a" });
    temperature.record(1180);
    const first = await reader.collect();
    let memory: OtlpResult["memory"] = new Map();
    const one = decodeOtlpProtobuf(protobufBody(first.resourceMetrics), { now: Date.now(), memory });
    memory = one.memory;
    expect(one.observations.map((o) => [o.unitPath, o.indicatorKey, o.value])).toEqual([["acme/plant", "kiln-temperature", 1180]]);
    expect(one.counts).toMatchObject({ points: 2, baseline: 1 });

    await new Promise((resolve) => setTimeout(resolve, 20));
    produced.add(50, { line: "a" });
    const second = await reader.collect();
    const two = decodeOtlpProtobuf(protobufBody(second.resourceMetrics), { now: Date.now(), memory });
    const rate = two.observations.find((o) => o.indicatorKey === "units-produced");
    const [baseline] = [...one.memory.values()];
    // 100 → 150 units between the two collections (≥ 20 ms apart): 50 over the elapsed seconds.
    expect(baseline).toMatchObject({ value: 100 });
    expect(rate!.time - baseline!.time).toBeGreaterThanOrEqual(20);
    expect(rate!.value).toBeCloseTo(50 / ((rate!.time - baseline!.time) / 1000), 9);
    expect(rate!.value).toBeGreaterThan(0);
    await provider.shutdown();
  });
});
