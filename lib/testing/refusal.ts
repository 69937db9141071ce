import { AppError } from "@/lib/errors";

/** The AppError `work` rejects with; fails the test if it resolves or rejects with anything else. */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}
