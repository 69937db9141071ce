import { describe, expect, it } from "vitest";
import { expositionProblems } from "@/lib/metrics/check-exposition";
import { escapeHelp, escapeLabelValue, formatValue, renderExposition, type MetricFamily } from "@/lib/metrics/exposition";

describe("escaping", () => {
  it("escapes backslash and line feed in HELP, and leaves double quotes as they are", () => {
    expect(escapeHelp('a\\b\nc "quoted"')).toBe('a\\\\b\\nc "quoted"');
  });

  it("escapes backslash, double quote and line feed in label values", () => {
    expect(escapeLabelValue('C:\\dir "x"\nnext')).toBe('C:\\\\dir \\"x\\"\\nnext');
    expect(escapeLabelValue("plain/ü")).toBe("plain/ü");
  });
});

describe("formatValue", () => {
  it("writes Go's float syntax: NaN, +Inf, -Inf, and shortest decimals", () => {
    expect([NaN, Infinity, -Infinity, 0, 42, 0.1, -2.5, 1e21, 1.5e-7].map(formatValue)).toEqual([
      "NaN",
      "+Inf",
      "-Inf",
      "0",
      "42",
      "0.1",
      "-2.5",
      "1e+21",
      "1.5e-7",
    ]);
  });
});

describe("renderExposition", () => {
  const families: MetricFamily[] = [
    {
      name: "vsm_things_total",
      help: "Things, counted\nper line \\ path.",
      type: "counter",
      samples: [
        {
          suffix: "",
          labels: [
            ["zone", 'a"b'],
            ["app", "x\\y"],
          ],
          value: 3,
        },
        { suffix: "", labels: [], value: 1 },
      ],
    },
    { name: "vsm_lag_seconds", help: "Lag.", type: "gauge", samples: [{ suffix: "", labels: [], value: 0.25 }] },
  ];

  it("writes HELP, TYPE and samples, labels in the order given, ending in a line feed", () => {
    expect(renderExposition(families)).toBe(
      [
        "# HELP vsm_things_total Things, counted\\nper line \\\\ path.",
        "# TYPE vsm_things_total counter",
        'vsm_things_total{zone="a\\"b",app="x\\\\y"} 3',
        "vsm_things_total 1",
        "# HELP vsm_lag_seconds Lag.",
        "# TYPE vsm_lag_seconds gauge",
        "vsm_lag_seconds 0.25",
        "",
      ].join("\n"),
    );
  });

  it("writes what a strict reader of the format accepts, hostile label values included", () => {
    const hostile: MetricFamily = {
      name: "vsm_hostile",
      help: "Values with } and = and ,",
      type: "gauge",
      samples: [{ suffix: "", labels: [["v", '"},x="1\n\\']], value: NaN }],
    };
    expect(expositionProblems(renderExposition([...families, hostile]))).toEqual([]);
  });

  it("refuses invalid metric and label names rather than write an unreadable scrape", () => {
    expect(() => renderExposition([{ name: "vsm-bad", help: "", type: "gauge", samples: [] }])).toThrow(/not a valid metric name/);
    const reserved: MetricFamily = {
      name: "vsm_ok",
      help: "",
      type: "gauge",
      samples: [{ suffix: "", labels: [["__name", "x"]], value: 1 }],
    };
    expect(() => renderExposition([reserved])).toThrow(/not a valid label name/);
  });

  it("writes nothing for no families", () => {
    expect(renderExposition([])).toBe("");
  });
});

describe("the strict reader used by the tests", () => {
  it("finds what is wrong: an unannounced sample, a repeated series, a bad line, a falling bucket, a count off its +Inf bucket", () => {
    const text = [
      "stray 1",
      "# TYPE a gauge",
      "a 1",
      "a 2",
      "a{x=unquoted} 1",
      "# TYPE h histogram",
      'h_bucket{le="1"} 3',
      'h_bucket{le="+Inf"} 2',
      "h_sum 1",
      "h_count 5",
    ].join("\n");
    expect(expositionProblems(text)).toEqual([
      "the text does not end with a line feed",
      "line 1: stray 1: not a sample of the family announced above it",
      "line 4: a 2: the same series twice",
      "line 5: a{x=unquoted} 1: not a HELP, TYPE or sample line",
      'line 8: h_bucket{le="+Inf"} 2: a bucket below the one before it',
      "line 10: h_count 5: _count 5 differs from the +Inf bucket 2",
    ]);
  });
});
