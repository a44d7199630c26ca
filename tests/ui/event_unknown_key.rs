#[derive(ors_events::Event)]
#[event(name = "voice.hold.done", family = "voice", requestid)]
struct HoldDone {
    #[event(requestid)]
    requestid: String,
    #[event(since = "8.1.3")]
    interactionid: String,
}

fn main() {}
