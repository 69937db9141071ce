import { AppError } from "@/lib/errors";

/**
 * The one error a decoder throws: the body as a whole cannot be read (truncated protobuf, broken
 * snappy block, a JSON shape that is not the protocol's). Problems with single points are rejects,
 * never throws. The default code answers 400, which senders treat as "do not retry"; a body that is
 * well-formed but fails validation as a whole (Alertmanager's missing labels) answers 422, and one
 * that would expand past its limit (a compressed body's declared size) answers 413.
 */
export class MalformedBodyError extends AppError {
  constructor(message: string, options: { code?: "bad_request" | "validation_failed" | "payload_too_large"; details?: unknown } = {}) {
    super(options.code ?? "bad_request", message, options.details);
    this.name = "MalformedBodyError";
  }
}

/**
 * Runs a third-party decoding step and turns whatever it throws (protobufjs' RangeError on a
 * truncated body, "invalid wire type", snappy's "Invalid Snappy bitstream", a stack overflow on a
 * hostile nesting depth) into a MalformedBodyError, so routes have one thing to catch.
 */
export function decodingStep<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof MalformedBodyError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MalformedBodyError(`malformed ${what}: ${reason}`);
  }
}
