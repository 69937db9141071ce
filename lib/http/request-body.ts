import { promisify } from "node:util";
import { gunzip, inflate } from "node:zlib";
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

/** Content codings a body may arrive in (RFC 9110 §8.4); `identity` and no header mean none. */
const DECODERS = { gzip: promisify(gunzip), "x-gzip": promisify(gunzip), deflate: promisify(inflate) } as const;
type Coding = keyof typeof DECODERS;
export const CONTENT_CODINGS = Object.keys(DECODERS) as readonly string[];

/**
 * The body, decompressed if `Content-Encoding` says gzip or deflate: at most `wireBytes` are read
 * and at most `expandedBytes` produced, so a small body that expands to gigabytes (a "gzip bomb")
 * is refused with 413 as soon as it passes the limit, never held in memory. An unknown coding is
 * 415 (RFC 7694), a corrupt stream 400.
 */
export async function readDecodedBody(request: Request, limits: { wireBytes: number; expandedBytes: number }): Promise<Uint8Array> {
  const coding = contentCoding(request);
  const wire = await readBodyBytes(request, coding === undefined ? limits.expandedBytes : limits.wireBytes);
  if (coding === undefined) return wire;
  try {
    return new Uint8Array(await DECODERS[coding](wire, { maxOutputLength: limits.expandedBytes }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new AppError("payload_too_large", `The ${coding} body expands past the limit of ${limits.expandedBytes} bytes`);
    }
    throw new AppError("bad_request", `The body is not valid ${coding} data: ${(error as Error).message}`);
  }
}

/** The body's one content coding, undefined for none; 415 for a coding this server does not decode. */
function contentCoding(request: Request): Coding | undefined {
  const header = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (!header || header === "identity") return undefined;
  if (header in DECODERS) return header as Coding;
  throw new AppError(
    "unsupported_media_type",
    `Content-Encoding ${header} is not accepted: send the body uncompressed or as ${CONTENT_CODINGS.join(" or ")}`,
    { acceptedEncodings: CONTENT_CODINGS },
  );
}

/**
 * The body parsed as JSON: 415 unless it is declared JSON, 413 if too large (after decompression
 * for a gzip or deflate body), 400 if not valid JSON.
 */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const type = mediaType(request);
  if (!isJsonMediaType(type)) throw unsupportedMediaType(type, ["application/json"]);
  const bytes = await readDecodedBody(request, { wireBytes: maxBytes, expandedBytes: maxBytes });
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
