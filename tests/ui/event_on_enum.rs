#[derive(ors_events::Event)]
#[event(name = "voice.hold.done")]
enum HoldDone {
    Done,
}

fn main() {}
