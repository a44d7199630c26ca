#[derive(ors_events::Event)]
#[event(since = "8.1.3")]
struct HoldDone {
    requestid: String,
}

fn main() {}
