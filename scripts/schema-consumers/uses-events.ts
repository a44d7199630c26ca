// A small consumer of the TypeScript types that json-schema-to-typescript generates from
// generated/schema/ors-events.types.schema.json, the document for type generators (its top-level
// `oneOf` becomes the union `ORSInteractionEvents`). scripts/check-schema-consumers.sh copies
// this file next to the generated ors-events.d.ts (under target/) and compiles both with
// `tsc --noEmit --strict`. The `@ts-expect-error` lines prove the types reject what the schema
// rejects: tsc fails if any of them compiles cleanly.

import type {
  CallControlEventCallState,
  ChatGettranscriptDone,
  ErrorVoiceHold,
  InteractionPartystatechanged,
  MsgbasedCreatemessageDone,
  ORSInteractionEvents,
  SCXMLEventType,
  VoiceHoldDone,
} from "./ors-events";

/** Any event of the catalogue, as the types document's top-level `oneOf` types it. */
type OrsEvent = ORSInteractionEvents;

const held: VoiceHoldDone = {
  name: "voice.hold.done",
  data: { requestid: "r-17", interactionid: "ix-4" },
  type: "platform",
};

const holdFailed: ErrorVoiceHold = {
  name: "error.voice.hold",
  // An error value the catalogue does not list is legal: the published lists are incomplete.
  data: { requestid: "r-18", interactionid: "ix-1", error: "some.new.error", description: "no call" },
};

const changed: InteractionPartystatechanged = {
  name: "interaction.partystatechanged",
  data: {
    interactionid: "ix-1",
    focusdeviceid: "7001",
    partyid: "p-2",
    partystate: "connected",
    // `hints` is open: members the page does not describe are kept.
    hints: { ccevent: 3, cause: 6, callstate: 0, vendor: "kept" },
  },
};

const transcript: ChatGettranscriptDone = {
  name: "chat.gettranscript.done",
  data: { requestid: "r-3", transcript: [{ from: "agent", text: "hello" }] },
};

const created: MsgbasedCreatemessageDone = {
  name: "msgbased.createmessage.done",
  data: { requestid: "r-4", interactionid: "ix-9" },
};

/** Narrowing on `name` gives each event its own `data`. */
function describe(event: OrsEvent): string {
  switch (event.name) {
    case "voice.hold.done":
      return `on hold: ${event.data.interactionid}`;
    case "error.voice.hold":
      return `hold failed: ${event.data.error} (${event.data.description})`;
    case "interaction.partystatechanged": {
      const state: CallControlEventCallState | undefined = event.data.hints?.callstate;
      return `party ${event.data.partyid} is ${event.data.partystate}, call state ${state ?? "?"}`;
    }
    case "chat.gettranscript.done":
      return `${event.data.transcript.length} chat messages`;
    default:
      return event.name;
  }
}

/** The request a result event answers, when it is one. */
function requestOf(event: OrsEvent): string | undefined {
  return "requestid" in event.data ? event.data.requestid : undefined;
}

const origin: SCXMLEventType | undefined = held.type;
const events: OrsEvent[] = [held, holdFailed, changed, transcript, created];
for (const event of events) {
  console.log(describe(event), requestOf(event) ?? "-", origin ?? "-");
}

// What the schema rejects, the types reject.
// @ts-expect-error: voice.hold.done requires `interactionid`.
const missing: VoiceHoldDone = { name: "voice.hold.done", data: { requestid: "r-1" } };
// @ts-expect-error: `data` of voice.hold.done is closed (additionalProperties: false).
const extra: VoiceHoldDone = { name: "voice.hold.done", data: { requestid: "r-1", interactionid: "ix", x: 1 } };
// @ts-expect-error: 40 is no call state.
const badState: CallControlEventCallState = 40;
// @ts-expect-error: the envelope `type` is platform, internal or external.
const badType: SCXMLEventType = "remote";
// @ts-expect-error: the name selects the event, so its data must match it.
const mismatched: OrsEvent = { name: "voice.hold.done", data: { requestid: "r-1", error: "e", description: "d" } };
export { missing, extra, badState, badType, mismatched };
