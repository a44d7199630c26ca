#[derive(ors_events::Event)]
#[event(name = "voice.hold.done", since = "8.1.20")]
struct HoldDone;

#[derive(ors_events::Event)]
#[event(name = "voice.hold.error", since = "v8.1.3")]
struct HoldError;

fn main() {}
