import "server-only";
import { checkRun, type RunCheck, type RunTiming } from "@/lib/simulate/check-run";
import type { Incident } from "@/lib/simulate/incident";
import type { Database } from "@/lib/store/database";
import { signalsRaisedSince } from "@/lib/store/signals";
import { diagnoseStored } from "@/lib/store/stored-diagnosis";

/** Reads what a simulator run produced (signals since it started, the diagnosis now) and checks it. */
export async function checkStoredRun(db: Database, incidents: readonly Incident[], timing: RunTiming, now: number): Promise<RunCheck> {
  const [signals, diagnoses] = await Promise.all([signalsRaisedSince(db.sql, timing.startedAt), diagnoseStored(db, now)]);
  const findings = diagnoses.flatMap((tree) => tree.findings);
  return checkRun(incidents, signals, findings, timing);
}

/** The check as the lines `npm run simulate -- --report` prints and BENCHMARKS.md records. */
export function formatRunCheck(check: RunCheck): string {
  const lines = check.outcomes.map((o) => `${o.ok ? "ok  " : "MISS"} ${o.incident.name.padEnd(12)} ${o.detail}`);
  lines.push(
    `false signals on quiet series: ${check.falseSignals.length}`,
    ...check.falseSignals.map((s) => `     ${s.unitPath} ${s.indicator}: ${s.valence} ${s.kind} (${s.state}, band ${s.band})`),
    `provisional signals on quiet series taken back by the filter: ${check.retractedProvisionals.length}`,
    `findings from the data no incident explains: ${check.falseFindings.length}`,
    ...check.falseFindings.map((f) => `     ${f.rule}: ${f.message}`),
  );
  return lines.join("\n");
}
