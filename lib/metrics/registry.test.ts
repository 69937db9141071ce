import { describe, expect, it } from "vitest";
import { expositionProblems } from "@/lib/metrics/check-exposition";
import { renderExposition } from "@/lib/metrics/exposition";
import { MetricRegistry } from "@/lib/metrics/registry";

async function text(registry: MetricRegistry): Promise<string> {
  return renderExposition((await registry.collect()).families);
}

describe("counters", () => {
  it("start at 0 without labels, and make a labelled series on first use, labels in declared order", async () => {
    const registry = new MetricRegistry();
    const runs = registry.counter("vsm_runs_total", "Runs.");
    const points = registry.counter("vsm_points_total", "Points.", ["source", "kind"]);
    expect(await text(registry)).toBe(
      "# HELP vsm_runs_total Runs.\n# TYPE vsm_runs_total counter\nvsm_runs_total 0\n" +
        "# HELP vsm_points_total Points.\n# TYPE vsm_points_total counter\n",
    );
    runs.add(1);
    runs.add(2);
    // The object's key order does not matter: the metric declared source, then kind.
    points.add(5, { kind: "gauge", source: "otlp" });
    points.add(1, { source: "otlp", kind: "gauge" });
    points.add(0, { source: "json", kind: "rate" });
    expect(runs.value()).toBe(3);
    // Reading a series that was never added to makes none.
    expect(points.value({ source: "remote_write", kind: "rate" })).toBe(0);
    expect(await text(registry)).not.toContain("remote_write");
    expect(await text(registry)).toContain(
      'vsm_runs_total 3\n# HELP vsm_points_total Points.\n# TYPE vsm_points_total counter\nvsm_points_total{source="otlp",kind="gauge"} 6\nvsm_points_total{source="json",kind="rate"} 0\n',
    );
  });

  it("never go down, and need every declared label", () => {
    const counter = new MetricRegistry().counter("vsm_c_total", "C.", ["source"]);
    expect(() => counter.add(-1, { source: "json" })).toThrow(/can only go up/);
    expect(() => counter.add(NaN, { source: "json" })).toThrow(/can only go up/);
    expect(() => counter.add(1, {} as { source: string })).toThrow(/label "source" is missing/);
  });
});

describe("histograms", () => {
  it("count each observation in the first bucket whose bound holds it (le is inclusive), cumulatively, with sum and count", async () => {
    const registry = new MetricRegistry();
    const seconds = registry.histogram("vsm_batch_seconds", "Batch time.", [0.1, 1, 5], ["source"]);
    for (const value of [0.05, 0.1, 0.7, 3, 12]) seconds.observe(value, { source: "json" });
    expect(await text(registry)).toBe(
      [
        "# HELP vsm_batch_seconds Batch time.",
        "# TYPE vsm_batch_seconds histogram",
        'vsm_batch_seconds_bucket{source="json",le="0.1"} 2',
        'vsm_batch_seconds_bucket{source="json",le="1"} 3',
        'vsm_batch_seconds_bucket{source="json",le="5"} 4',
        'vsm_batch_seconds_bucket{source="json",le="+Inf"} 5',
        'vsm_batch_seconds_sum{source="json"} 15.85',
        'vsm_batch_seconds_count{source="json"} 5',
        "",
      ].join("\n"),
    );
    expect(expositionProblems(await text(registry))).toEqual([]);
  });

  it("exist at zero without labels (with labels once ensured), and refuse unordered buckets, an `le` label and NaN", async () => {
    const registry = new MetricRegistry();
    registry.histogram("vsm_h_seconds", "H.", [1, 2]);
    expect(await text(registry)).toContain('vsm_h_seconds_bucket{le="+Inf"} 0\nvsm_h_seconds_sum 0\nvsm_h_seconds_count 0\n');
    registry.histogram("vsm_l_seconds", "L.", [1], ["source"]).ensure({ source: "json" });
    expect(await text(registry)).toContain(
      'vsm_l_seconds_bucket{source="json",le="1"} 0\nvsm_l_seconds_bucket{source="json",le="+Inf"} 0\n',
    );
    expect(() => registry.histogram("vsm_bad_seconds", "B.", [2, 1])).toThrow(/increasing order/);
    expect(() => registry.histogram("vsm_empty_seconds", "E.", [])).toThrow(/increasing order/);
    expect(() => registry.histogram("vsm_le_seconds", "L.", [1], ["le"])).toThrow(/declares a label twice/);
    expect(() => registry.histogram("vsm_n_seconds", "N.", [1]).observe(NaN)).toThrow(/NaN/);
  });
});

describe("registered gauges", () => {
  it("are read at each scrape, sync or async, one value or labelled values sorted by label name", async () => {
    const registry = new MetricRegistry();
    let clients = 2;
    registry.registerGauge("vsm_sse_clients", "Live-stream clients.", () => clients);
    registry.registerGauge("vsm_queue_items", "Items.", async () => [
      { labels: { worker: "b", area: "x" }, value: 4 },
      { labels: { area: "y", worker: "a" }, value: 1 },
    ]);
    const first = await text(registry);
    expect(first).toContain("vsm_sse_clients 2\n");
    expect(first).toContain('vsm_queue_items{area="x",worker="b"} 4\nvsm_queue_items{area="y",worker="a"} 1\n');
    clients = 5;
    expect(await text(registry)).toContain("vsm_sse_clients 5\n");
  });

  it("replace an earlier registration of the same name (a reloaded module registers again), and can be removed", async () => {
    const registry = new MetricRegistry();
    const removeFirst = registry.registerGauge("vsm_sse_clients", "Old.", () => 1);
    const removeSecond = registry.registerGauge("vsm_sse_clients", "Live-stream clients.", () => 7);
    removeFirst(); // no longer the registration in place: nothing happens
    expect(await text(registry)).toBe("# HELP vsm_sse_clients Live-stream clients.\n# TYPE vsm_sse_clients gauge\nvsm_sse_clients 7\n");
    removeSecond();
    expect((await registry.collect()).gauges).toEqual([]);
  });

  it("leave out a gauge that throws or reads something unwritable, and say which, keeping the rest", async () => {
    const registry = new MetricRegistry();
    registry.counter("vsm_runs_total", "Runs.");
    registry.registerGauge("vsm_broken", "Throws.", async () => Promise.reject(new Error("stream store away")));
    registry.registerGauge("vsm_twice", "Same labels twice.", () => [
      { labels: { a: "1" }, value: 1 },
      { labels: { a: "1" }, value: 2 },
    ]);
    registry.registerGauge("vsm_badlabel", "Bad label.", () => [{ labels: { "not-a-label": "1" }, value: 1 }]);
    registry.registerGauge("vsm_fine", "Fine.", () => 3);
    const collected = await registry.collect();
    expect(collected.families.map((f) => f.name)).toEqual(["vsm_runs_total", "vsm_fine"]);
    expect(collected.gauges.map(({ name, error }) => [name, error instanceof Error ? error.message : error])).toEqual([
      ["vsm_broken", "stream store away"],
      ["vsm_twice", 'gauge vsm_twice read the same labels twice: [["a","1"]]'],
      ["vsm_badlabel", 'gauge vsm_badlabel read an invalid label "not-a-label"'],
      ["vsm_fine", undefined],
    ]);
  });
});

describe("names", () => {
  it("are unique across counters, histograms and gauges, and valid", () => {
    const registry = new MetricRegistry();
    registry.counter("vsm_a_total", "A.");
    expect(() => registry.counter("vsm_a_total", "Again.")).toThrow(/already registered/);
    expect(() => registry.histogram("vsm_a_total", "Again.", [1])).toThrow(/already registered/);
    expect(() => registry.registerGauge("vsm_a_total", "Again.", () => 1)).toThrow(/already registered as a counter/);
    registry.registerGauge("vsm_g", "G.", () => 1);
    expect(() => registry.counter("vsm_g", "Clash.")).toThrow(/already registered/);
    expect(() => registry.counter("vsm a", "Space.")).toThrow(/not a valid metric name/);
    expect(() => registry.registerGauge("9lives", "Digit.", () => 1)).toThrow(/not a valid metric name/);
    expect(() => registry.counter("vsm_b_total", "B.", ["__reserved"])).toThrow(/not a valid label name/);
  });
});
