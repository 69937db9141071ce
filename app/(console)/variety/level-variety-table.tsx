import { CELL, DataTable, NUMERIC_CELL } from "@/components/ui/data-table";
import { absorptionWords, deviceWords } from "@/lib/view/level-variety";
import { formatBits } from "@/lib/view/system-variety";
import type { LevelAccount } from "@/lib/vsm/variety/variety-flow";

const COLUMNS = [
  { label: "Device" },
  { label: "Items in → out", numeric: true },
  { label: "Bits in", numeric: true },
  { label: "Bits out", numeric: true },
  { label: "Absorbed or amplified" },
] as const;

/** Each recursion level's stream through its attenuators and amplifiers, root first. */
export function LevelVarietyTable({ tree, levels, window }: { tree: string; levels: readonly LevelAccount[]; window: string }) {
  return (
    <DataTable
      label={`Variety per level in ${tree}`}
      caption={
        <>
          Over the {window}: the signals each recursion level held (raised at it or escalated to it), one item per change, and the devices
          they passed through in order. A device absorbs variety when fewer bits leave it than enter, and amplifies it when more do.
        </>
      }
      columns={COLUMNS}
    >
      {levels.map((level) => (
        <tbody key={level.level} className="border-line border-b last:border-0">
          <tr className="bg-canvas">
            <th scope="rowgroup" colSpan={COLUMNS.length} className={`${CELL} text-xs font-semibold`}>
              Level {level.level}
              {level.level === 0 ? " (root)" : ""}
              {level.itemsIn === 0 ? (
                <span className="text-muted font-normal"> — held no signal in the window</span>
              ) : (
                <span className="text-muted font-normal">
                  {" "}
                  — {level.itemsIn} item{level.itemsIn === 1 ? "" : "s"} in, {formatBits(level.bitsIn)} bits; {level.itemsOut} out,{" "}
                  {formatBits(level.bitsOut)} bits; overall: {absorptionWords(level.absorbed)}
                </span>
              )}
            </th>
          </tr>
          {level.itemsIn === 0
            ? null
            : level.stages.map((stage) => (
                <tr key={stage.device}>
                  <th scope="row" className={`${CELL} font-normal`}>
                    {deviceWords(stage.device)} <span className="text-muted text-xs">({stage.role})</span>
                  </th>
                  <td className={NUMERIC_CELL}>
                    {stage.itemsIn} → {stage.itemsOut}
                  </td>
                  <td className={NUMERIC_CELL}>{formatBits(stage.bitsIn)}</td>
                  <td className={NUMERIC_CELL}>{formatBits(stage.bitsOut)}</td>
                  <td className={CELL}>{absorptionWords(stage.absorbed)}</td>
                </tr>
              ))}
        </tbody>
      ))}
    </DataTable>
  );
}
