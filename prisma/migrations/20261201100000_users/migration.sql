-- People who sign in (docs/access.md): accounts, their roles on subtrees of the model, and the
-- one-time link that lets the first admin in on a fresh database.

-- An account. `email` is stored lower-cased and unique; `password_hash` is an argon2id PHC string
-- (null for an account that signs in only through OIDC). Raising `session_version` ends every
-- session the account has (password change, disabling).
CREATE TABLE "app_user" (
    "id" VARCHAR(32) NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "name" VARCHAR(200) NOT NULL DEFAULT '',
    "password_hash" VARCHAR(256),
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- A role on a system and everything under it (`scope` is a system path, '' the whole model); one
-- role per account and scope.
CREATE TABLE "role_grant" (
    "user_id" VARCHAR(32) NOT NULL,
    "scope" VARCHAR(1024) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_grant_pkey" PRIMARY KEY ("user_id", "scope"),
    CONSTRAINT "role_grant_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- One-time sign-in links: only a SHA-256 of the token is kept. `purpose` 'first-admin' lets the
-- holder create the first admin account while there is no account at all.
CREATE TABLE "sign_in_link" (
    "id" VARCHAR(32) NOT NULL,
    "purpose" VARCHAR(32) NOT NULL,
    "token_hash" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_link_pkey" PRIMARY KEY ("id")
);
