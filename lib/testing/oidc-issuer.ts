import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small OpenID Connect provider for the sign-in system test: discovery, JWKS, an authorization
 * endpoint that signs in `identity` at once (no login page), a token endpoint that checks the
 * client secret, the redirect URI and PKCE (S256) and answers with an RS256-signed ID token
 * carrying the request's nonce, and userinfo. It follows the wire format of OpenID Connect Core
 * 1.0 and RFC 6749/7636 — just enough that the console's unmodified Auth.js client runs its real
 * checks against it.
 */
export interface Identity {
  sub: string;
  email: string;
  emailVerified: boolean;
}

export interface OidcIssuer {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in as. */
  identity: Identity;
  /** Token requests that were refused, and why: a test fails if the client misbehaved. */
  refusals: string[];
  close(): Promise<void>;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  nonce: string | null;
  challenge: string | null;
  identity: Identity;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${base64url(signature)}`;
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

export async function startOidcIssuer(identity: Identity): Promise<OidcIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(8).toString("hex");
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, Identity>();
  const issuer: OidcIssuer = {
    url: "",
    clientId: "vsm-console-test",
    clientSecret: randomBytes(24).toString("base64url"),
    identity,
    refusals: [],
    close: async () => {},
  };

  const refuse = (response: ServerResponse, error: string, why: string) => {
    issuer.refusals.push(why);
    json(response, 400, { error, error_description: why });
  };

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void> = {
    "/.well-known/openid-configuration": (_req, response) =>
      json(response, 200, {
        issuer: issuer.url,
        authorization_endpoint: `${issuer.url}/authorize`,
        token_endpoint: `${issuer.url}/token`,
        userinfo_endpoint: `${issuer.url}/userinfo`,
        jwks_uri: `${issuer.url}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
        scopes_supported: ["openid", "email", "profile"],
      }),
    "/jwks": (_req, response) => json(response, 200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] }),
    "/authorize": (_req, response, url) => {
      const q = url.searchParams;
      const redirectUri = q.get("redirect_uri") ?? "";
      if (q.get("client_id") !== issuer.clientId || q.get("response_type") !== "code" || redirectUri === "") {
        return refuse(response, "invalid_request", "authorization request without this client, response_type=code or a redirect URI");
      }
      const code = randomBytes(16).toString("base64url");
      grants.set(code, {
        clientId: issuer.clientId,
        redirectUri,
        nonce: q.get("nonce"),
        challenge: q.get("code_challenge"),
        identity: issuer.identity,
      });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      const state = q.get("state");
      if (state !== null) back.searchParams.set("state", state);
      back.searchParams.set("iss", issuer.url);
      response.writeHead(302, { location: back.toString() });
      response.end();
    },
    "/token": async (request, response) => {
      const form = await formBody(request);
      const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      const [id, secret] = basic
        ? Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent)
        : [form.get("client_id"), form.get("client_secret")];
      if (id !== issuer.clientId || secret !== issuer.clientSecret) return refuse(response, "invalid_client", "wrong client credentials");
      const code = form.get("code") ?? "";
      const grant = grants.get(code);
      grants.delete(code);
      if (form.get("grant_type") !== "authorization_code" || grant === undefined)
        return refuse(response, "invalid_grant", "unknown or reused code");
      if (form.get("redirect_uri") !== grant.redirectUri)
        return refuse(response, "invalid_grant", "redirect_uri differs from the authorization's");
      if (grant.challenge !== null) {
        const verifier = form.get("code_verifier") ?? "";
        if (base64url(createHash("sha256").update(verifier).digest()) !== grant.challenge)
          return refuse(response, "invalid_grant", "PKCE verifier does not match");
      }
      const now = Math.floor(Date.now() / 1000);
      const accessToken = randomBytes(24).toString("base64url");
      tokens.set(accessToken, grant.identity);
      const { sub, email, emailVerified } = grant.identity;
      json(response, 200, {
        access_token: accessToken,
        token_type: "Bearer",
        expires_in: 300,
        id_token: signJwt(
          {
            iss: issuer.url,
            sub,
            aud: grant.clientId,
            iat: now,
            exp: now + 300,
            email,
            email_verified: emailVerified,
            ...(grant.nonce ? { nonce: grant.nonce } : {}),
          },
          privateKey,
          kid,
        ),
      });
    },
    "/userinfo": (request, response) => {
      const found = tokens.get(/^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "");
      if (found === undefined) return json(response, 401, { error: "invalid_token" });
      json(response, 200, { sub: found.sub, email: found.email, email_verified: found.emailVerified });
    },
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", issuer.url);
    const route = routes[url.pathname];
    if (route === undefined) return json(response, 404, { error: "not_found" });
    Promise.resolve(route(request, response, url)).catch((error: unknown) => json(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer.close = () => new Promise((resolve) => server.close(() => resolve()));
  return issuer;
}
