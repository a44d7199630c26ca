#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum CallState {
    #[ors(code = 0, name = "CallStateOk")]
    Ok,
    #[ors(code = 1, name = "CallStateTransferred")]
    Transferred,
    #[ors(code = 1, name = "CallStateOk")]
    Conferenced,
    #[ors(unrecognized)]
    Unrecognized(i64),
}

#[derive(ors_events::OrsEnum)]
#[ors(string)]
enum PartyState {
    #[ors(value = "detaching")]
    Detaching,
    #[ors(value = "detaching")]
    Detached,
    #[ors(unrecognized)]
    Unrecognized(String),
}

fn main() {}
