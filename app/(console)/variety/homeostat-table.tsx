import { CELL, DataTable, NUMERIC_CELL } from "@/components/ui/data-table";
import { formatShare, HOMEOSTAT_STEPS, homeostatWords, trendWords } from "@/lib/view/attention-homeostat";
import type { SystemHomeostat } from "@/lib/view/variety-report";
import type { HomeostatBalance } from "@/lib/vsm/homeostat/attention-share";

const TONE: Record<HomeostatBalance, string> = { balanced: "text-present", "S3-dominant": "text-warn", "S4-dominant": "text-warn" };

const COLUMNS = [
  { label: "System" },
  { label: "S3 actions", numeric: true },
  { label: "S4 actions", numeric: true },
  { label: "S4 share", numeric: true },
  { label: "Target", numeric: true },
  { label: "Balance" },
  { label: "S4 share per step" },
  { label: "Trend", numeric: true },
] as const;

/** The S3↔S4 homeostat where operators' attention was recorded. */
export function HomeostatTable({ tree, homeostats, window }: { tree: string; homeostats: readonly SystemHomeostat[]; window: string }) {
  return (
    <DataTable
      label={`S3↔S4 homeostat in ${tree}`}
      caption={
        <>
          Over the {window}: each operator action (acknowledge, resolve, note) on a signal of the system&apos;s subtree is one unit of
          attention — S4&apos;s when the signal&apos;s indicator watches the environment, S3&apos;s otherwise. The S4 share is judged
          against the policy&apos;s target band. The window is cut into {HOMEOSTAT_STEPS} steps, oldest first; a dash is a step without
          attention, and the trend is the line through the steps&apos; shares.
        </>
      }
      columns={COLUMNS}
    >
      <tbody>
        {homeostats.map(({ path, settings, view }) => {
          const { overall } = view;
          return (
            <tr key={path} className="border-line border-b last:border-0">
              <th scope="row" className={`${CELL} font-mono text-xs font-normal`}>
                {path}
              </th>
              <td className={NUMERIC_CELL}>{overall.s3}</td>
              <td className={NUMERIC_CELL}>{overall.s4}</td>
              <td className={NUMERIC_CELL}>{formatShare(overall.s4Share)}</td>
              <td className={NUMERIC_CELL}>
                {formatShare(settings.target)} ± {formatShare(settings.tolerance)}
              </td>
              <td className={`${CELL} min-w-56`}>
                {overall.state === null ? null : (
                  <>
                    <span className={`font-medium ${TONE[overall.state]}`}>{homeostatWords(overall.state).label}</span>
                    <span className="text-muted block text-xs">{homeostatWords(overall.state).detail}</span>
                  </>
                )}
              </td>
              <td className={`${CELL} whitespace-nowrap tabular-nums`}>{view.windows.map((w) => formatShare(w.s4Share)).join(" · ")}</td>
              <td className={NUMERIC_CELL}>{trendWords(view)}</td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
