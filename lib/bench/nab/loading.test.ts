import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingBaselines } from "@/lib/bench/nab/baseline-outputs";
import type { NabFile } from "@/lib/bench/nab/corpus";
import { readCsv } from "@/lib/bench/nab/csv";
import { parseNaiveTimestamp } from "@/lib/bench/nab/timestamp";
import { windowRows } from "@/lib/bench/nab/window-rows";

describe("parseNaiveTimestamp", () => {
  it("reads NAB's zone-less times as UTC, with or without a fraction", () => {
    expect(parseNaiveTimestamp("2014-04-10 07:15:00")).toBe(Date.UTC(2014, 3, 10, 7, 15, 0));
    expect(parseNaiveTimestamp("2014-04-10 07:15:00.000000")).toBe(parseNaiveTimestamp("2014-04-10 07:15:00"));
    expect(parseNaiveTimestamp("2011-07-01 00:00:01.250000") - parseNaiveTimestamp("2011-07-01 00:00:01")).toBe(250);
  });

  it("keeps gaps as the wall clock shows them, across any DST change", () => {
    // US clocks sprang forward at 02:00 on 2015-03-08; the rows still read one hour apart.
    expect(parseNaiveTimestamp("2015-03-08 03:00:00") - parseNaiveTimestamp("2015-03-08 02:00:00")).toBe(3_600_000);
  });

  it("rejects anything else", () => {
    expect(() => parseNaiveTimestamp("10/04/2014 07:15")).toThrow(/not a NAB timestamp/);
  });
});

describe("readCsv", () => {
  it("splits a header and rows, with or without CR and a final newline", () => {
    expect(readCsv("timestamp,value\r\n2014-01-01 00:00:00,1.5\r\n2014-01-01 00:05:00,2", "x.csv")).toEqual({
      header: ["timestamp", "value"],
      rows: [
        ["2014-01-01 00:00:00", "1.5"],
        ["2014-01-01 00:05:00", "2"],
      ],
    });
  });

  it("names the file and line of a malformed row", () => {
    expect(() => readCsv("a,b\n1,2\n3\n", "x.csv")).toThrow("x.csv:3: 1 fields, header has 2");
  });
});

describe("windowRows", () => {
  const times = [0, 10, 20, 20, 30, 40, 50];

  it("turns window times into inclusive row ranges, at the first row with each time (as NAB's list.index)", () => {
    expect(
      windowRows(
        times,
        [
          [10, 20],
          [40, 50],
        ],
        "f",
      ),
    ).toEqual([
      { start: 1, end: 2 },
      { start: 5, end: 6 },
    ]);
  });

  it("rejects an edge that is not a row, and windows out of order or overlapping", () => {
    expect(() => windowRows(times, [[15, 20]], "f")).toThrow(/is not a row/);
    expect(() =>
      windowRows(
        times,
        [
          [40, 50],
          [10, 20],
        ],
        "f",
      ),
    ).toThrow(/overlaps or precedes/);
    expect(() =>
      windowRows(
        times,
        [
          [10, 30],
          [30, 40],
        ],
        "f",
      ),
    ).toThrow(/overlaps or precedes/);
    expect(() => windowRows(times, [[30, 10]], "f")).toThrow(/ends before it starts/);
  });
});

describe("missingBaselines", () => {
  it("lists the files whose published per-row outputs are absent, so a folder of data and labels alone is still scored", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "nab-"));
    const file = (key: string): NabFile => ({
      key,
      category: key.split("/")[0]!,
      times: new Float64Array(0),
      values: new Float64Array(0),
      windows: [],
    });
    mkdirSync(path.join(dir, "baselines", "windowedGaussian", "realTraffic"), { recursive: true });
    writeFileSync(
      path.join(dir, "baselines", "windowedGaussian", "realTraffic", "windowedGaussian_speed_7578.csv"),
      "timestamp,value,anomaly_score,label\n",
    );
    expect(
      missingBaselines(dir, "windowedGaussian", [file("realTraffic/speed_7578.csv"), file("realTweets/Twitter_volume_FB.csv")]),
    ).toEqual(["realTweets/Twitter_volume_FB.csv"]);
    rmSync(dir, { recursive: true });
  });
});
