import { describe, expect, it } from "vitest";
import { auditFinding } from "@/lib/vsm/diagnosis/audit-findings";
import type { AuditedIndicator } from "@/lib/vsm/diagnosis/audited-indicators";
import type { SeriesOf } from "@/lib/vsm/diagnosis/oscillation-findings";
import { makeSystem } from "@/lib/vsm/model/make-system";
import type { Indicator } from "@/lib/vsm/model/system";
import type { Point } from "@/lib/vsm/temporal/bucket";
import { DAY, MINUTE } from "@/lib/vsm/types";

const T0 = Date.UTC(2026, 0, 5);
const window = { from: T0, to: T0 + DAY };
const orders = (key: string): Indicator => ({ key, name: key, unit: "1/min", direction: "up", index: "raw", scope: "operations" });
const subject: AuditedIndicator = {
  unit: makeSystem("acme/shop", { indicators: [orders("orders"), orders("orders-audit")] }),
  reported: orders("orders"),
  audit: orders("orders-audit"),
};
const holder = makeSystem("acme");
/** The unit reports every minute of the day; the audit checks every tenth minute: 144 checks. */
const reports = (value: (k: number) => number): Point[] =>
  Array.from({ length: 1440 }, (_, k) => ({ at: T0 + k * MINUTE, value: value(k) }));
const audits = (value: number): Point[] => Array.from({ length: 144 }, (_, k) => ({ at: T0 + 10 * k * MINUTE, value }));
const seriesOf =
  (reported: Point[], audited: Point[]): SeriesOf =>
  (_, key) =>
    key === "orders" ? reported : key === "orders-audit" ? audited : [];

describe("auditFinding", () => {
  it("reports a 20% over-report against a 10% tolerance at the auditing system", () => {
    // Mean reported at the audited minutes 120, mean audited 100: (120 − 100)/100 = 0.2.
    const found = auditFinding(
      subject,
      holder,
      seriesOf(
        reports(() => 120),
        audits(100),
      ),
      window,
      0.1,
    );
    expect(found).toEqual({
      rule: "audit-drift",
      severity: "warning",
      level: 0,
      path: "acme",
      unit: "acme/shop",
      indicator: "orders",
      message:
        '"acme/shop" over-reports "orders" by 20%: 120 1/min reported against 100 1/min audited, over 144 paired points (tolerance 10%).',
      hint: 'S3* of "acme": find out why "acme/shop" over-reports "orders" (instrumentation, definitions, incentives) and have S3 correct it; if "orders-audit" is the one at fault, fix the audit source.',
    });
  });

  it("reports an under-report beyond tolerance, and only the means count, not single noisy minutes", () => {
    // Between audits the reports swing wildly; at the audited minutes (k a multiple of 10) they read 88.
    const found = auditFinding(
      subject,
      holder,
      seriesOf(
        reports((k) => (k % 10 === 0 ? 88 : 300)),
        audits(100),
      ),
      window,
      0.1,
    );
    expect(found?.message).toBe(
      '"acme/shop" under-reports "orders" by 12%: 88 1/min reported against 100 1/min audited, over 144 paired points (tolerance 10%).',
    );
  });

  it("raises nothing for an honest report, at the tolerance, or without data", () => {
    const honest = reports((k) => 100 + (k % 2 === 0 ? 1 : -1));
    expect(auditFinding(subject, holder, seriesOf(honest, audits(100)), window, 0.1)).toBeNull();
    expect(
      auditFinding(
        subject,
        holder,
        seriesOf(
          reports(() => 110),
          audits(100),
        ),
        window,
        0.1,
      ),
    ).toBeNull();
    expect(
      auditFinding(
        subject,
        holder,
        seriesOf(
          reports(() => 120),
          [],
        ),
        window,
        0.1,
      ),
    ).toBeNull();
    expect(auditFinding(subject, holder, seriesOf([], audits(100)), window, 0.1)).toBeNull();
  });

  it("places the finding at the unit when its auditing system is not in the tree, and states an audit of zero as such", () => {
    const found = auditFinding(
      subject,
      undefined,
      seriesOf(
        reports(() => 5),
        audits(0),
      ),
      window,
      0.1,
    );
    expect(found).toMatchObject({ path: "acme/shop", level: 1, unit: "acme/shop" });
    expect(found!.message).toBe(
      '"acme/shop" over-reports "orders" where its audit series "orders-audit" reads 0: 5 1/min reported against 0 1/min audited, over 144 paired points (tolerance 10%).',
    );
  });
});
