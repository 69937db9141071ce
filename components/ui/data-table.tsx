import type { ReactNode } from "react";

export interface Column {
  label: string;
  /** Figures align right, so their digits line up. */
  numeric?: boolean;
}

/** Cell padding shared by every data table; numeric cells align right with tabular figures. */
export const CELL = "px-3 py-2";
export const NUMERIC_CELL = "px-3 py-2 text-right tabular-nums whitespace-nowrap";

/**
 * A table of figures: a short accessible name, a visible caption that says what the figures mean,
 * column headers, and the caller's row groups.
 */
export function DataTable({
  label,
  caption,
  columns,
  children,
}: {
  label: string;
  caption: ReactNode;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <div className="bg-surface border-line overflow-x-auto rounded-md border">
      <table aria-label={label} className="w-full text-left text-sm">
        <caption className="text-muted border-line border-b px-3 py-2 text-left text-xs">{caption}</caption>
        <thead className="text-muted border-line border-b text-xs">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`${CELL} font-medium ${column.numeric ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
