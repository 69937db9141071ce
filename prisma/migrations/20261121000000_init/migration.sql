-- CreateEnum
CREATE TYPE "function_kind" AS ENUM ('s2', 's3', 's3star', 's4', 's5');

-- CreateEnum
CREATE TYPE "channel_kind" AS ENUM ('command', 'resource_bargain', 'coordination', 'audit', 'homeostat', 'algedonic', 'environment');

-- CreateEnum
CREATE TYPE "direction" AS ENUM ('up', 'down');

-- CreateEnum
CREATE TYPE "index_kind" AS ENUM ('productivity', 'latency', 'performance', 'raw');

-- CreateEnum
CREATE TYPE "indicator_scope" AS ENUM ('operations', 'environment');

-- CreateTable
CREATE TABLE "system" (
    "id" SERIAL NOT NULL,
    "parent_id" INTEGER,
    "slug" VARCHAR(64) NOT NULL,
    "path" VARCHAR(1024) NOT NULL,
    "level" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "owner" VARCHAR(200),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "system_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "system_function" (
    "id" SERIAL NOT NULL,
    "system_id" INTEGER NOT NULL,
    "kind" "function_kind" NOT NULL,
    "present" BOOLEAN NOT NULL DEFAULT false,
    "owner" VARCHAR(200),
    "notes" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "system_function_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel" (
    "id" SERIAL NOT NULL,
    "system_id" INTEGER NOT NULL,
    "kind" "channel_kind" NOT NULL,
    "unit_id" INTEGER,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "system_id" INTEGER NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "unit" VARCHAR(32) NOT NULL,
    "direction" "direction" NOT NULL,
    "index" "index_kind" NOT NULL DEFAULT 'raw',
    "scope" "indicator_scope" NOT NULL DEFAULT 'operations',
    "family" VARCHAR(64),
    "capability" DOUBLE PRECISION,
    "potentiality" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observation" (
    "indicator_id" INTEGER NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "observation_pkey" PRIMARY KEY ("indicator_id","observed_at")
);

-- CreateIndex
CREATE UNIQUE INDEX "system_path_key" ON "system"("path");

-- CreateIndex
CREATE INDEX "system_level_idx" ON "system"("level");

-- CreateIndex
CREATE UNIQUE INDEX "system_parent_id_slug_key" ON "system"("parent_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "system_function_system_id_kind_key" ON "system_function"("system_id", "kind");

-- CreateIndex
CREATE INDEX "channel_unit_id_idx" ON "channel"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_system_id_kind_unit_id_key" ON "channel"("system_id", "kind", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_system_id_key_key" ON "indicator"("system_id", "key");

-- AddForeignKey
ALTER TABLE "system" ADD CONSTRAINT "system_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "system"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "system_function" ADD CONSTRAINT "system_function_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "system"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel" ADD CONSTRAINT "channel_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "system"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel" ADD CONSTRAINT "channel_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "system"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "system"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
