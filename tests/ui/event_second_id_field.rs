#[derive(ors_events::Event)]
#[event(name = "voice.hold.done")]
struct HoldDone {
    #[event(request_id)]
    requestid: String,
    #[event(request_id)]
    referenceid: String,
    #[event(interaction_id)]
    interactionid: String,
    #[event(interaction_id = "yes")]
    parentinteractionid: String,
}

#[derive(ors_events::Event)]
#[event(name = "voice.hold.done", request_id)]
struct OnTheStruct {
    requestid: String,
}

fn main() {}
