#[derive(ors_events::Event)]
#[event(name = "voice.hold.done")]
#[event(name = "voice.hold.error", since = "8.1.3", since = "8.1.4")]
struct HoldDone;

fn main() {}
