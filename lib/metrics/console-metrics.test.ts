import { describe, expect, it } from "vitest";
import { expositionProblems } from "@/lib/metrics/check-exposition";
import {
  consoleMetrics,
  countDeadlineRun,
  countEscalations,
  countIngestBatch,
  countPipelineBatch,
  countReceived,
  registerGauge,
} from "@/lib/metrics/console-metrics";
import { renderExposition } from "@/lib/metrics/exposition";

describe("the process's metrics", () => {
  it("are one registry per process, kept on globalThis across module reloads", () => {
    expect(consoleMetrics()).toBe(consoleMetrics());
    expect((globalThis as { vsmMetrics?: unknown }).vsmMetrics).toBe(consoleMetrics());
  });

  it("move as the hooks report batches, deadline runs and escalations", () => {
    const m = consoleMetrics();
    const before = {
      received: m.received.value({ source: "otlp" }),
      stored: m.stored.value({ source: "otlp" }),
      stepped: m.filterUpdates.value(),
      raised: m.signalsRaised.value(),
      escalations: m.escalations.value(),
      runs: m.deadlineRuns.value(),
      failures: m.deadlineFailures.value(),
    };
    countReceived("otlp", 120);
    countIngestBatch("otlp", 100, performance.now() - 30);
    countPipelineBatch({ stepped: 98, signals: { raised: 2 } });
    countEscalations(1);
    countDeadlineRun("ok");
    countDeadlineRun("failed");
    expect({
      received: m.received.value({ source: "otlp" }) - before.received,
      stored: m.stored.value({ source: "otlp" }) - before.stored,
      stepped: m.filterUpdates.value() - before.stepped,
      raised: m.signalsRaised.value() - before.raised,
      escalations: m.escalations.value() - before.escalations,
      runs: m.deadlineRuns.value() - before.runs,
      failures: m.deadlineFailures.value() - before.failures,
    }).toEqual({ received: 120, stored: 100, stepped: 98, raised: 2, escalations: 1, runs: 2, failures: 1 });
  });

  it("write every source's series from the start, in valid exposition, with gauges registered through registerGauge", async () => {
    const remove = registerGauge("vsm_sse_clients", "Live-stream clients connected to this process.", () => 3);
    try {
      const text = renderExposition((await consoleMetrics().registry.collect()).families);
      for (const source of ["json", "otlp", "remote_write"]) {
        expect(text).toMatch(new RegExp(`^vsm_ingest_observations_received_total\\{source="${source}"\\} \\d+$`, "m"));
        expect(text).toMatch(new RegExp(`^vsm_ingest_observations_stored_total\\{source="${source}"\\} \\d+$`, "m"));
        expect(text).toMatch(new RegExp(`^vsm_ingest_batch_duration_seconds_count\\{source="${source}"\\} \\d+$`, "m"));
      }
      expect(text).toContain("vsm_sse_clients 3\n");
      expect(expositionProblems(text)).toEqual([]);
    } finally {
      remove();
    }
  });
});
