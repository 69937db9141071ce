/** One problem in a model file, located by its path in the file (`systems[2].indicators[0]`). */
export interface ModelProblem {
  path: string;
  message: string;
}

/** A model file rejected whole: every problem found, so one attempt shows everything to fix. */
export class ModelFileError extends Error {
  constructor(readonly problems: ModelProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n"));
    this.name = "ModelFileError";
  }
}
