// Every mistake of one input is reported, not only the first.
#[derive(ors_events::Event)]
#[event(name = "Hold", since = "8.1", colour = "blue")]
struct HoldDone {
    #[event(request_id, interactionid)]
    requestid: String,
}

fn main() {}
