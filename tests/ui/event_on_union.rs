#[derive(ors_events::Event)]
#[event(name = "voice.hold.done")]
union HoldDone {
    code: u32,
    flag: f32,
}

fn main() {}
