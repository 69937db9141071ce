import { AppError } from "@/lib/errors";

/**
 * Reading request bodies safely: a size limit enforced while streaming (a missing or lying
 * Content-Length cannot get past it), content-type checks (415), and JSON parsing whose failures
 * are the client's (400), never a 500. Ingestion routes that take protobuf or snappy use
 * `requireContentType` and `readBodyBytes` directly.
 */

/** The default limit for JSON bodies; bulk ingestion routes pass their own. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The request's media type, lowercased, without parameters such as `charset`; undefined if absent. */
export function mediaType(request: Request): string | undefined {
  const header = request.headers.get("content-type");
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** `application/json` and the structured-syntax `+json` types (`application/merge-patch+json`…). */
export function isJsonMediaType(type: string | undefined): boolean {
  return type === "application/json" || (type?.startsWith("application/") === true && type.endsWith("+json"));
}

/** Returns the request's media type if it is one of `accepted`, else throws 415 naming them. */
export function requireContentType(request: Request, accepted: readonly string[]): string {
  const type = mediaType(request);
  if (type !== undefined && accepted.includes(type)) return type;
  throw unsupportedMediaType(type, accepted);
}

/** The whole body as bytes, or 413 as soon as it exceeds `maxBytes`. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: the rest of an oversized body is never buffered.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The body parsed as JSON: 415 unless it is declared JSON, 413 if too large, 400 if not valid JSON. */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const type = mediaType(request);
  if (!isJsonMediaType(type)) throw unsupportedMediaType(type, ["application/json"]);
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes.byteLength === 0) throw new AppError("bad_request", "The request body is empty: expected JSON");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's message locates the fault in the client's own text; it holds nothing of ours.
    throw new AppError("bad_request", "The request body is not valid JSON", [{ path: "", message: (error as Error).message }]);
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than the limit of ${maxBytes} bytes`);
}

function unsupportedMediaType(type: string | undefined, accepted: readonly string[]): AppError {
  return new AppError(
    "unsupported_media_type",
    `${type === undefined ? "A Content-Type header is required" : `Content-Type ${type} is not accepted`}: send ${accepted.join(" or ")}`,
    { accepted },
  );
}
