//! The naming pass: every Rust identifier of the bindings is derived here and nowhere else.
//!
//! The checker calls these functions to find collisions and bad identifiers before anything is
//! emitted; lowering calls the same functions once and stores the results in the IR, where the
//! emitters read them. No emitter converts case.

use crate::names::{pascal_case, snake_case};

/// The name the forward-compatible catch-all variant of every generated enum takes.
pub const RESERVED_VARIANT: &str = "Unrecognized";

/// The Rust field of an attribute: its own `rust_name`, else the shared attribute's, else the
/// wire name in snake case (`partyId` → `party_id`).
pub fn field(wire: &str, rust_name: Option<&str>, shared_rust_name: Option<&str>) -> String {
    rust_name
        .or(shared_rust_name)
        .map_or_else(|| snake_case(wire), str::to_owned)
}

/// The Rust type of an enum or object type: its `rust_name`, else its name in Pascal case.
pub fn type_name(name: &str, rust_name: Option<&str>) -> String {
    rust_name.map_or_else(|| pascal_case(name), str::to_owned)
}

/// The validator's check type of an enum, object type or event (`CallStateCheck`).
pub fn check(type_or_variant: &str) -> String {
    format!("{type_or_variant}Check")
}

/// The variant of an enum value: its name (integer enums) or value (string enums), without the
/// enum's prefix, in Pascal case. A name that lacks the prefix keeps it (the checker reports it).
pub fn enum_variant(value_name: &str, prefix: Option<&str>) -> String {
    let stripped = prefix
        .and_then(|prefix| value_name.strip_prefix(prefix))
        .unwrap_or(value_name);
    pascal_case(stripped)
}

/// The module of a family's events (the family's name, which the checker keeps to one word).
pub fn family_module(family: &str) -> String {
    family.to_owned()
}

/// The variant of a family in the generated `Family` enum (`Voice`).
pub fn family_variant(family: &str) -> String {
    pascal_case(family)
}

/// The marker type of an action in its family's module (`Hold`).
pub fn action_marker(action: &str) -> String {
    pascal_case(action)
}

/// The variant of an action in the generated `Action` enum (`VoiceHold`).
pub fn action_variant(family: &str, action: &str) -> String {
    format!("{}{}", pascal_case(family), pascal_case(action))
}

/// The wire names of an action's done and error events (`voice.hold.done`, `error.voice.hold`).
pub fn result_events(family: &str, action: &str) -> (String, String) {
    (
        format!("{family}.{action}.done"),
        format!("error.{family}.{action}"),
    )
}

/// The types of an action's done and error events in the family's module (`HoldDone`,
/// `HoldError`).
pub fn result_types(action: &str) -> (String, String) {
    let marker = action_marker(action);
    (format!("{marker}Done"), format!("{marker}Error"))
}

/// The type of an asynchronous event in its family's module: the name after the family's
/// prefix, in Pascal case (`interaction.udata.changed` → `UdataChanged`).
pub fn async_type(family: &str, event: &str) -> String {
    let rest = event
        .strip_prefix(family)
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(event);
    pascal_case(rest)
}

/// The borrowed view of an event type in its family's module (`HoldDone` → `HoldDoneRef`), the
/// payload of its `EventRef` variant. The checker reserves it for every event; lowering gives
/// it only to events that have a string attribute to borrow.
pub fn borrowed_type(type_name: &str) -> String {
    format!("{type_name}Ref")
}

/// The variant of an event in the generated `Event` and `EventName` enums, unique across the
/// catalogue (`voice.hold.done` → `VoiceHoldDone`).
pub fn event_variant(event: &str) -> String {
    pascal_case(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_every_kind_of_name() {
        assert_eq!(field("partyId", None, None), "party_id");
        assert_eq!(field("type", Some("kind"), None), "kind");
        assert_eq!(field("type", None, Some("event_type")), "event_type");
        assert_eq!(type_name("callstate", Some("CallState")), "CallState");
        assert_eq!(type_name("chat_message", None), "ChatMessage");
        assert_eq!(check("CallState"), "CallStateCheck");
        assert_eq!(enum_variant("CALLSTATE_OK", Some("CALLSTATE_")), "OK");
        assert_eq!(enum_variant("deletion", None), "Deletion");
        assert_eq!(family_variant("msgbased"), "Msgbased");
        assert_eq!(action_variant("voice", "hold"), "VoiceHold");
        assert_eq!(
            result_events("voice", "hold"),
            ("voice.hold.done".into(), "error.voice.hold".into())
        );
        assert_eq!(
            result_types("hold"),
            ("HoldDone".into(), "HoldError".into())
        );
        assert_eq!(
            async_type("interaction", "interaction.udata.changed"),
            "UdataChanged"
        );
        assert_eq!(event_variant("voice.hold.done"), "VoiceHoldDone");
        assert_eq!(borrowed_type("HoldDone"), "HoldDoneRef");
    }
}
