import type { UnassignedSection } from "@/lib/view/unassigned";

/**
 * Telemetry that named no unit or indicator of the model, per source: one sentence each, and the
 * names behind it in a disclosure (plain <details>, so it works without client JavaScript).
 */
export function UnassignedTelemetry({ sections }: { sections: UnassignedSection[] }) {
  return (
    <section aria-labelledby="unassigned-telemetry" className="mb-8">
      <h2 id="unassigned-telemetry" className="mb-1 text-lg font-semibold">
        Unassigned telemetry
      </h2>
      {sections.length === 0 ? (
        <p className="text-muted text-sm">Nothing unassigned: no point received so far named a unit or indicator the model lacks.</p>
      ) : (
        <>
          <p className="text-muted mb-3 max-w-3xl text-sm">
            Data that named a unit or indicator the model does not have is counted here, not stored as observations. Add the unit or
            indicator to the model, or fix the sender&apos;s names; points already counted are not replayed.
          </p>
          <div className="space-y-3">
            {sections.map((s) => (
              <SourceSection key={s.source} section={s} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function SourceSection({ section }: { section: UnassignedSection }) {
  const headingId = `unassigned-${section.source}`;
  return (
    <article aria-labelledby={headingId} className="bg-surface border-line rounded-md border px-4 py-3">
      <h3 id={headingId} className="text-sm font-medium">
        {section.sentence}
      </h3>
      <details className="mt-1">
        <summary className="text-accent cursor-pointer text-sm">
          {section.shownOf ? `Names: ${section.shownOf}` : `Names (${section.rows.length})`}
        </summary>
        <div className="mt-2 overflow-x-auto">
          <table aria-label={`Unassigned names from ${section.label}`} className="w-full text-left text-sm">
            <thead className="text-muted border-line border-b text-xs">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Unit
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {section.nameColumn}
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Why
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Count
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  First seen
                </th>
                <th scope="col" className="py-1 font-medium">
                  Last seen
                </th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.key} className="border-line border-b last:border-0">
                  <td className="py-1 pr-4 font-mono text-xs">{row.unit}</td>
                  <td className="py-1 pr-4 font-mono text-xs">{row.indicator}</td>
                  <td className="text-muted py-1 pr-4">{row.reason}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{row.count}</td>
                  <td className="text-muted py-1 pr-4 whitespace-nowrap">
                    <time dateTime={row.firstSeen.iso}>{row.firstSeen.text}</time>
                  </td>
                  <td className="text-muted py-1 whitespace-nowrap">
                    <time dateTime={row.lastSeen.iso}>{row.lastSeen.text}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </article>
  );
}
