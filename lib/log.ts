import pino from "pino";
import { getEnv } from "@/lib/env";

/** One structured JSON logger for the server; child loggers carry request ids and concerns. */
export const log = pino({
  level: getEnv().LOG_LEVEL,
  base: { service: "vsm-console" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
