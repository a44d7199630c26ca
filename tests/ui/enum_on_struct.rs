#[derive(ors_events::OrsEnum)]
#[ors(integer)]
struct CallState {
    code: i64,
}

#[derive(ors_events::OrsEnum)]
#[ors(integer)]
union PartyState {
    code: i64,
}

fn main() {}
