import type { ChannelKind } from "@/lib/vsm/model/kinds";

/** A row id as stored: database ids are numbers, imported files may use strings. */
export type RowId = string | number;

/**
 * Everything that can make a set of systems not a single well-formed recursion tree. Validation
 * returns every problem it finds, each with a message fit for a form or a CLI.
 */
export type StructureProblem =
  | { kind: "invalid-path"; path: string; message: string }
  | { kind: "duplicate-path"; path: string; count: number; message: string }
  | { kind: "duplicate-id"; id: RowId; message: string }
  | { kind: "orphan"; path?: string; id?: RowId; parent: string | RowId; message: string }
  | { kind: "cycle"; ids: RowId[]; message: string }
  | { kind: "parent-mismatch"; path: string; parent: string | null; expected: string | null; message: string }
  | { kind: "path-mismatch"; id: RowId; path: string; expected: string; message: string }
  | { kind: "level-mismatch"; path: string; level: number; expected: number; message: string }
  | { kind: "no-root"; message: string }
  | { kind: "multiple-roots"; paths: string[]; message: string }
  | { kind: "invalid-channel"; path: string; channel: ChannelKind; unit?: string; message: string }
  | { kind: "duplicate-indicator"; path: string; key: string; message: string };

export type StructureProblemKind = StructureProblem["kind"];
