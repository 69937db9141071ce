import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Any /api path no route claims: a JSON 404 in the standard error shape, for every method, rather
 * than Next's HTML page. Static and dynamic routes always win over this optional catch-all.
 */
const notFound = withRoute({ permission: "public" }, async ({ request }) => {
  throw new AppError("not_found", `No API route at ${new URL(request.url).pathname}`);
});

export { notFound as GET, notFound as HEAD, notFound as OPTIONS, notFound as POST, notFound as PUT, notFound as DELETE, notFound as PATCH };
