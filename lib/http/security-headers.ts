/**
 * The security headers of every answer (docs/access.md "Security headers"). Pages get a Content
 * Security Policy whose scripts must carry this request's nonce (Next adds it to its own scripts
 * when it finds the policy on the request), with 'strict-dynamic' so the chunks those scripts load
 * run too; styles allow inline attributes (charts set them). Nothing may frame the console, forms
 * post only to it (and to the OIDC provider sign-in redirects to), and HSTS is sent only when the
 * request came over TLS, where it means something.
 */
export function securityHeaders(options: {
  nonce: string;
  https: boolean;
  development: boolean;
  oidcIssuer?: string;
}): Record<string, string> {
  const formAction = ["'self'", ...(options.oidcIssuer ? [new URL(options.oidcIssuer).origin] : [])].join(" ");
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": policy,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
