import type { z } from "zod";
import type { Access } from "@/lib/auth/permissions";
import type { ErrorCode } from "@/lib/errors";

/**
 * One REST route as the API table holds it (lib/api/route-table.ts): where it lives, who may call
 * it, and the zod schemas of its input and answer. The route's handler is built from this very
 * object (lib/api/api-handler.ts) and the OpenAPI document is generated from it
 * (lib/api/openapi-document.ts), so what the document says is what the handler parses.
 */
export type ApiMethod = "get" | "post";

type Schema = z.ZodType | undefined;
/** Path params and query strings arrive as objects of strings: their schemas take an object. */
type Fields = z.ZodType<unknown, Record<string, unknown>> | undefined;

export interface ApiRoute<
  P extends Fields = Fields,
  Q extends Fields = Fields,
  B extends Schema = Schema,
  R extends z.ZodType = z.ZodType,
  Id extends string = string,
> {
  /** Unique, used as the OpenAPI operationId and as the handler's name. */
  operationId: Id;
  method: ApiMethod;
  /** The OpenAPI path, `{name}` for a dynamic segment: `/api/v1/signals/{id}` is app/api/v1/signals/[id]/route.ts. */
  path: string;
  permission: Access;
  /** Where the permission must hold, in words, for the document (e.g. "operate on the signal's unit"). */
  permissionNote?: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The body's size limit in bytes, when not the wrapper's 1 MiB. */
  maxBodyBytes?: number;
  response: {
    status: 200 | 201;
    description: string;
    schema: R;
    /** Other representations of the same answer, by media type (e.g. the model as YAML). */
    alternatives?: Record<string, { description: string }>;
  };
  /** The refusals this route answers besides those every route may (401/403/429/500, and 400/422 when it takes input). */
  errors?: readonly ErrorCode[];
}

/** Keeps each schema's own type, so the handler built from the route sees exactly what it parses. */
export function defineRoute<
  const Id extends string,
  P extends Fields = undefined,
  Q extends Fields = undefined,
  B extends Schema = undefined,
  R extends z.ZodType = z.ZodType,
>(route: ApiRoute<P, Q, B, R, Id>): ApiRoute<P, Q, B, R, Id> {
  return route;
}
