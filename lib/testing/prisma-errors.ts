import { Prisma } from "@/lib/generated/prisma/client";

/** A Prisma known-request error with the given code, as Prisma throws it (its message carries SQL, which must never reach an answer). */
export function prismaError(code: string): Prisma.PrismaClientKnownRequestError {
  return new Prisma.PrismaClientKnownRequestError('Unique constraint failed on "system_path_key" (SELECT * FROM system)', {
    code,
    clientVersion: "7.10.0",
  });
}
