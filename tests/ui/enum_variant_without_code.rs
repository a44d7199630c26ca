#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum CallState {
    #[ors(name = "CallStateOk")]
    Ok,
    #[ors(code = 1)]
    Transferred,
    Conferenced,
    #[ors(code = 3, value = "held")]
    Held,
    #[ors(unrecognized)]
    Unrecognized(i64),
}

#[derive(ors_events::OrsEnum)]
#[ors(string)]
enum PartyState {
    Detaching,
    #[ors(code = 1, name = "attached")]
    Attached,
    #[ors(unrecognized)]
    Unrecognized(String),
}

fn main() {}
