#[derive(ors_events::Event)]
#[event(name = "voice.hold.done")]
struct HoldDone {
    #[event(request_id)]
    requestid: u64,
}

fn main() {}
