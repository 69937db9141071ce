import { CELL, DataTable, NUMERIC_CELL } from "@/components/ui/data-table";
import { balanceWords, formatBits, type SystemVariety } from "@/lib/view/system-variety";
import type { VarietyBalance } from "@/lib/vsm/variety/requisite-variety";

const TONE: Record<VarietyBalance, string> = {
  balanced: "text-present",
  "under-regulated": "text-missing",
  "over-regulated": "text-warn",
};

const COLUMNS = [
  { label: "System" },
  { label: "H(D) bits", numeric: true },
  { label: "H(R) bits", numeric: true },
  { label: "Deficit bits", numeric: true },
  { label: "State" },
  { label: "Disturbances (events / classes)", numeric: true },
  { label: "Responses (events / classes)", numeric: true },
] as const;

/** Each system's requisite-variety balance over the window. */
export function SystemVarietyTable({ tree, systems, window }: { tree: string; systems: readonly SystemVariety[]; window: string }) {
  return (
    <DataTable
      label={`Variety of each system in ${tree}`}
      caption={
        <>
          Over the {window}: H(D) is the entropy of the disturbances reaching each system (signals by valence:kind and the unit they arrive
          through), H(R) that of the responses applied (owners, resolutions, remedies). The deficit H(D) − H(R) is the variety left
          unregulated.
        </>
      }
      columns={COLUMNS}
    >
      <tbody>
        {systems.map((system) => {
          const { assessment: a } = system;
          const words = balanceWords(a);
          return (
            <tr key={system.path} className="border-line border-b last:border-0">
              <th scope="row" className={`${CELL} font-mono text-xs font-normal`} style={{ paddingLeft: `${0.75 + system.level}rem` }}>
                {system.path}
              </th>
              <td className={NUMERIC_CELL}>{formatBits(a.disturbances.bits)}</td>
              <td className={NUMERIC_CELL}>{formatBits(a.responses.bits)}</td>
              <td className={NUMERIC_CELL}>{formatBits(a.deficit)}</td>
              <td className={`${CELL} min-w-64`}>
                <span className={`font-medium ${TONE[a.state]}`}>{words.label}</span>
                <span className="text-muted block text-xs">{words.detail}</span>
              </td>
              <td className={NUMERIC_CELL}>
                {a.disturbances.events} / {a.disturbances.classes}
              </td>
              <td className={NUMERIC_CELL}>
                {a.responses.events} / {a.responses.classes}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
