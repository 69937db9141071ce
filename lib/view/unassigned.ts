/**
 * The Diagnosis page's unassigned telemetry (docs/design.md §4: data for unknown units or
 * indicators is counted, never dropped silently), as display shapes: per source, one sentence
 * and the names behind it. Pure; the page reads the store and hands plain rows in.
 */

/** Sources in the order the page shows them, with the words a person reads. */
const SOURCES: Record<string, Words> = {
  json: { label: "the JSON API", item: "point", counted: "indicator", column: "Indicator" },
  otlp: { label: "OTLP", item: "point", counted: "indicator", column: "Indicator" },
  prometheus: { label: "Prometheus remote-write", item: "point", counted: "indicator", column: "Indicator" },
  // An alert belongs to a unit and has no indicator: what is unknown is its unit; the list names
  // each alert under it.
  alertmanager: { label: "Alertmanager", item: "alert", counted: "unit", column: "Alert" },
};

interface Words {
  label: string;
  /** What was received: a point, an alert. */
  item: string;
  /** What the sentence counts: unit and indicator names, or units alone. */
  counted: "indicator" | "unit";
  /** The heading of the list's second column. */
  column: string;
}

const REASONS: Record<string, string> = {
  missing_unit: "no unit named",
  unknown_unit: "unit not in the model",
  unknown_indicator: "indicator not in the model",
};

export interface UnassignedTotalInput {
  source: string;
  points: number;
  /** Distinct unit and indicator (or alert) names. */
  names: number;
  /** Distinct units among them. */
  units: number;
}

export interface UnassignedNameInput {
  unitPath: string | null;
  indicatorKey: string | null;
  reason: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

export interface UnassignedNameRow {
  key: string;
  unit: string;
  indicator: string;
  reason: string;
  count: string;
  firstSeen: { iso: string; text: string };
  lastSeen: { iso: string; text: string };
}

export interface UnassignedSection {
  source: string;
  label: string;
  /** "12,034 points for 3 unknown indicators from OTLP" */
  sentence: string;
  /** Heading of the column after the unit: Indicator, or Alert. */
  nameColumn: string;
  rows: UnassignedNameRow[];
  /** Set when the list shows fewer names than the sentence counts. */
  shownOf: string | null;
}

const count = new Intl.NumberFormat("en-US");

const plural = (n: number, word: string) => `${count.format(n)} ${word}${n === 1 ? "" : "s"}`;

/** UTC to the minute: the page is read by people in several time zones, and the server has none of theirs. */
function moment(at: number): { iso: string; text: string } {
  const iso = new Date(at).toISOString();
  return { iso, text: `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` };
}

/**
 * One section per source with something unassigned, in SOURCES order (a source the page does not
 * know yet comes last, under its own name). `names` holds each source's most recent names, as many
 * as the page lists.
 */
export function unassignedSections(
  totals: readonly UnassignedTotalInput[],
  names: ReadonlyMap<string, readonly UnassignedNameInput[]>,
): UnassignedSection[] {
  const order = Object.keys(SOURCES);
  const rank = (source: string) => (order.includes(source) ? order.indexOf(source) : order.length);
  return totals
    .filter((t) => t.points > 0)
    .sort((a, b) => rank(a.source) - rank(b.source) || a.source.localeCompare(b.source))
    .map((t) => {
      const words = SOURCES[t.source] ?? { label: t.source, item: "point", counted: "indicator", column: "Indicator" };
      const listed = names.get(t.source) ?? [];
      const unknown = words.counted === "unit" ? plural(t.units, "unknown unit") : plural(t.names, "unknown indicator");
      return {
        source: t.source,
        label: words.label,
        sentence: `${plural(t.points, words.item)} for ${unknown} from ${words.label}`,
        nameColumn: words.column,
        rows: listed.map((n) => ({
          key: `${n.unitPath ?? ""}\u0000${n.indicatorKey ?? ""}`,
          unit: n.unitPath ?? "—",
          indicator: n.indicatorKey ?? "—",
          reason: REASONS[n.reason] ?? n.reason,
          count: count.format(n.count),
          firstSeen: moment(n.firstSeen),
          lastSeen: moment(n.lastSeen),
        })),
        shownOf: listed.length < t.names ? `the ${count.format(listed.length)} most recently seen of ${count.format(t.names)}` : null,
      };
    });
}
