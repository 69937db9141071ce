import { readFile, writeFile } from "node:fs/promises";
import { exportModel } from "@/lib/store/model-export";
import { importModel } from "@/lib/store/model-import";
import { ModelFileError } from "@/lib/model-file/model-file-error";
import { formatFromFileName } from "@/lib/model-file/model-format";
import { parseModel } from "@/lib/model-file/parse-model";
import { printModel } from "@/lib/model-file/print-model";
import { cliActor } from "@/lib/auth/audit-actor";
import { runCli, withMigratedDatabase } from "@/lib/cli/run-cli";

const USAGE = `Usage: npm run model -- import FILE   (FILE is .json, .yaml or .yml)
       npm run model -- export FILE`;

/**
 * `npm run model -- import|export FILE`. Import validates the whole file first and changes
 * nothing if any part is wrong, printing every problem with its path in the file.
 */
runCli(async () => {
  const [command, file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0 || (command !== "import" && command !== "export")) throw new Error(USAGE);
  const format = formatFromFileName(file);
  if (command === "import") {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
    }
    let model;
    try {
      model = parseModel(text, format);
    } catch (error) {
      if (error instanceof ModelFileError) {
        const count = error.problems.length;
        throw new Error(
          `${file} was not imported: ${count} problem${count === 1 ? "" : "s"}; the database is unchanged.\n${error.message}`,
        );
      }
      throw error;
    }
    await withMigratedDatabase(async (db) => {
      const s = await importModel(db, model, cliActor());
      console.log(
        `Imported ${file} into ${db.location}: systems ${s.systems.created} created, ${s.systems.updated} updated; ` +
          `indicators ${s.indicators.created} created, ${s.indicators.updated} updated; ` +
          `channels ${s.channels.created} created, ${s.channels.removed} removed.`,
      );
    });
    return;
  }
  await withMigratedDatabase(async (db) => {
    const model = await exportModel(db);
    await writeFile(file, printModel(model, format));
    console.log(`Exported ${model.systems.length} systems from ${db.location} to ${file}.`);
  });
});
