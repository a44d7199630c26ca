#[derive(ors_events::Event)]
#[event(name = "hold")]
struct Hold;

fn main() {}
