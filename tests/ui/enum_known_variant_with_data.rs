#[derive(ors_events::OrsEnum)]
#[ors(string)]
enum PartyState {
    #[ors(value = "detaching")]
    Detaching(String),
    #[ors(value = "attached")]
    Attached { since: u32 },
    #[ors(unrecognized)]
    Unrecognized(String),
}

fn main() {}
