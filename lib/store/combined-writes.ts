import "server-only";

/**
 * Writes whose results nobody reads, sent to the server together: each becomes a data-modifying
 * WITH query of a statement that selects nothing. A batch's transaction makes a dozen such writes
 * (observations, journal, events, cursors, audit, signal timelines…); one round trip for them
 * instead of one each is most of what the database costs the process beyond the rows themselves
 * (docs/design.md §5, "Round trips").
 *
 * PostgreSQL runs the parts of one statement in one snapshot, in no promised order, and none sees
 * another's rows; two parts updating one row would silently keep one. So a statement never takes
 * two writes to the same table: a write to a table the statement already has starts the next one,
 * which also keeps the writes to each table in the order they were made (audit entries, say). A
 * write may bring several parts on purpose (parts that touch different rows of one table).
 */
export interface Write {
  text: string;
  params: unknown[];
}

const TARGET = /^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+("[^"]+"|\w+)/i;
const PLACEHOLDER = /\$(\d+)/g;

/** The table a write changes; throws unless it is one INSERT, UPDATE or DELETE with `$n` placeholders only. */
export function writeTarget(write: Write): string {
  const target = TARGET.exec(write.text)?.[1];
  if (target === undefined) throw new Error(`only an INSERT, UPDATE or DELETE can wait to be combined: ${write.text.slice(0, 60)}`);
  // A `$` that is not a placeholder (a dollar-quoted string) would be renumbered with them.
  if (/\$(?!\d)/.test(write.text)) throw new Error("a write combined with others may use `$` only in its placeholders");
  for (const [, n] of write.text.matchAll(PLACEHOLDER)) {
    const index = Number(n);
    if (index < 1 || index > write.params.length) throw new Error(`placeholder $${n} has no parameter (${write.params.length} given)`);
  }
  return target.replaceAll('"', "");
}

/** Writes waiting to be sent, grouped into statements as they arrive. */
export class WaitingWrites {
  private statements: { parts: Write[]; tables: Set<string> }[] = [];

  /** Adds a write (its parts go in one statement); checked now, so a bad one fails where it is made. */
  add(parts: readonly Write[]): void {
    const tables = new Set(parts.map(writeTarget));
    const last = this.statements.at(-1);
    if (last !== undefined && ![...tables].some((table) => last.tables.has(table))) {
      last.parts.push(...parts);
      for (const table of tables) last.tables.add(table);
    } else this.statements.push({ parts: [...parts], tables });
  }

  /** The statements to send, in order, and nothing left waiting. */
  take(): Write[] {
    const taken = this.statements.map((s) => combineWrites(s.parts));
    this.statements = [];
    return taken;
  }
}

/** One statement doing all of `writes`: each one's placeholders moved past the parameters of those before it. */
export function combineWrites(writes: readonly Write[]): Write {
  if (writes.length === 1) return writes[0]!;
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [i, write] of writes.entries()) {
    const offset = params.length;
    parts.push(`w${i} AS (${write.text.replace(PLACEHOLDER, (_, n: string) => `$${Number(n) + offset}`)})`);
    params.push(...write.params);
  }
  return { text: `WITH ${parts.join(",\n")}\nSELECT 1`, params };
}
