#[derive(ors_events::Event)]
#[event(name = "Voice.hold_done")]
struct UpperCase;

#[derive(ors_events::Event)]
#[event(name = "voice..done")]
struct EmptyPart;

#[derive(ors_events::Event)]
#[event(name = 42)]
struct NotAString;

fn main() {}
