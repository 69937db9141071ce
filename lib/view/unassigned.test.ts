import { describe, expect, it } from "vitest";
import { unassignedSections, type UnassignedNameInput } from "@/lib/view/unassigned";

const T = Date.UTC(2026, 10, 30, 14, 5, 31);
const name = (over: Partial<UnassignedNameInput>): UnassignedNameInput => ({
  unitPath: "acme/ops",
  indicatorKey: "queue-depth",
  reason: "unknown_indicator",
  count: 1,
  firstSeen: T - 3_600_000,
  lastSeen: T,
  ...over,
});

describe("unassignedSections", () => {
  it("says per source how many points carried how many unknown names, with thousands separated", () => {
    const sections = unassignedSections(
      [
        { source: "otlp", points: 12_034, names: 3, units: 2 },
        { source: "json", points: 1, names: 1, units: 1 },
        { source: "alertmanager", points: 4, names: 3, units: 2 },
        { source: "prometheus", points: 0, names: 0, units: 0 },
      ],
      new Map(),
    );
    expect(sections.map((s) => s.sentence)).toEqual([
      "1 point for 1 unknown indicator from the JSON API",
      "12,034 points for 3 unknown indicators from OTLP",
      "4 alerts for 2 unknown units from Alertmanager",
    ]);
  });

  it("lists the names with their reason and UTC times, and says when the list is cut short", () => {
    const [otlp] = unassignedSections(
      [{ source: "otlp", points: 700, names: 3, units: 2 }],
      new Map([
        [
          "otlp",
          [
            name({ count: 680 }),
            name({ unitPath: null, indicatorKey: "http-server-request-duration", reason: "missing_unit", count: 20, lastSeen: T - 60_000 }),
          ],
        ],
      ]),
    );
    expect(otlp!.rows).toEqual([
      {
        key: "acme/ops\u0000queue-depth",
        unit: "acme/ops",
        indicator: "queue-depth",
        reason: "indicator not in the model",
        count: "680",
        firstSeen: { iso: "2026-11-30T13:05:31.000Z", text: "2026-11-30 13:05 UTC" },
        lastSeen: { iso: "2026-11-30T14:05:31.000Z", text: "2026-11-30 14:05 UTC" },
      },
      expect.objectContaining({ unit: "—", indicator: "http-server-request-duration", reason: "no unit named", count: "20" }),
    ]);
    expect(otlp!.shownOf).toBe("the 2 most recently seen of 3");
    expect(otlp!.nameColumn).toBe("Indicator");
  });

  it("counts Alertmanager's alerts by unknown unit and lists them by alert name", () => {
    const [alerts] = unassignedSections([{ source: "alertmanager", points: 2, names: 2, units: 1 }], new Map());
    expect(alerts!.sentence).toBe("2 alerts for 1 unknown unit from Alertmanager");
    expect(alerts!.nameColumn).toBe("Alert");
  });

  it("shows nothing for no unassigned points, and a source it does not know under its own name", () => {
    expect(unassignedSections([], new Map())).toEqual([]);
    expect(unassignedSections([{ source: "statsd", points: 2, names: 1, units: 1 }], new Map())[0]!.sentence).toBe(
      "2 points for 1 unknown indicator from statsd",
    );
  });
});
