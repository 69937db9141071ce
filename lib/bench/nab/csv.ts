/**
 * The rows of a NAB CSV under its header. NAB's files hold numbers and timestamps only, never
 * quoted fields, so a plain split is exact; a row with the wrong number of fields is an error
 * rather than something to guess about.
 */
export function readCsv(text: string, source: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const [first, ...rest] = lines;
  if (first === undefined) throw new Error(`${source}: empty file`);
  const header = first.split(",");
  const rows = rest.map((line, index) => {
    const fields = line.split(",");
    if (fields.length !== header.length) throw new Error(`${source}:${index + 2}: ${fields.length} fields, header has ${header.length}`);
    return fields;
  });
  return { header, rows };
}

/** The position of a named column, or an error naming the file. */
export function columnIndex(header: readonly string[], name: string, source: string): number {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`${source}: no "${name}" column (has ${header.join(", ")})`);
  return index;
}

/** A field as a finite number, or an error naming where it was. */
export function numberField(text: string | undefined, source: string): number {
  const value = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isFinite(value)) throw new Error(`${source}: not a number: "${text}"`);
  return value;
}
