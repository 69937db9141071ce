import { defineRoute } from "@/lib/api/define-route";
import { silenceResponse } from "@/lib/api/schemas/silences";
import {
  acknowledgeBody,
  noteBody,
  resolveBody,
  signalBodySchema,
  signalParams,
  signalsQuery,
  signalsResponse,
  silenceUnitBody,
} from "@/lib/api/schemas/signals";

export const listSignals = defineRoute({
  operationId: "listSignals",
  method: "get",
  path: "/api/v1/signals",
  permission: "read",
  tag: "Signals",
  summary: "Signals, a page at a time",
  description:
    "Signals of the units the caller may read, newest raised first, filtered by state, valence, kind, subtree and time raised. Follow `nextCursor` for the next page: pages neither repeat nor skip a signal when new ones are raised in between.",
  query: signalsQuery,
  response: { status: 200, description: "One page", schema: signalsResponse },
});

export const getSignal = defineRoute({
  operationId: "getSignal",
  method: "get",
  path: "/api/v1/signals/{id}",
  permission: "read",
  tag: "Signals",
  summary: "One signal with its timeline",
  description: "A signal outside the caller's subtrees is not found, as one that does not exist.",
  params: signalParams,
  response: { status: 200, description: "The signal", schema: signalBodySchema },
  errors: ["not_found"],
});

const operate = "operate on the signal's unit";
const refusals = ["not_found", "conflict"] as const;

export const acknowledgeSignal = defineRoute({
  operationId: "acknowledgeSignal",
  method: "post",
  path: "/api/v1/signals/{id}/acknowledge",
  permission: "operate",
  permissionNote: operate,
  tag: "Signals",
  summary: "Acknowledge a signal, optionally with an ETA",
  description:
    "Takes ownership at the level that holds the signal. An ETA may extend that level's allowance once, by at most its policy's maxExtension; an ETA in the past is a 422. A closed signal cannot be acknowledged (409).",
  params: signalParams,
  body: acknowledgeBody,
  response: { status: 200, description: "The signal after acknowledging", schema: signalBodySchema },
  errors: refusals,
});

export const resolveSignal = defineRoute({
  operationId: "resolveSignal",
  method: "post",
  path: "/api/v1/signals/{id}/resolve",
  permission: "operate",
  permissionNote: operate,
  tag: "Signals",
  summary: "Resolve a signal with a reason",
  description: "Closes it as fixed, as a false alarm, or with the changed level accepted as the new normal.",
  params: signalParams,
  body: resolveBody,
  response: { status: 200, description: "The resolved signal", schema: signalBodySchema },
  errors: refusals,
});

export const noteSignal = defineRoute({
  operationId: "noteSignal",
  method: "post",
  path: "/api/v1/signals/{id}/notes",
  permission: "operate",
  permissionNote: operate,
  tag: "Signals",
  summary: "Add a note to a signal's timeline",
  params: signalParams,
  body: noteBody,
  response: { status: 200, description: "The signal with the note", schema: signalBodySchema },
  errors: refusals,
});

export const silenceSignalUnit = defineRoute({
  operationId: "silenceSignalUnit",
  method: "post",
  path: "/api/v1/signals/{id}/silence",
  permission: "operate",
  permissionNote: operate,
  tag: "Signals",
  summary: "Silence the signal's unit for some minutes",
  description:
    "Creates a silence matching every signal of the signal's unit (not its subtree), from now. Silenced signals still escalate; they are only hidden.",
  params: signalParams,
  body: silenceUnitBody,
  response: { status: 201, description: "The silence", schema: silenceResponse },
  errors: ["not_found"],
});
