#[derive(ors_events::OrsEnum)]
#[ors(integer, string)]
enum CallState {
    #[ors(code = 0, name = "CallStateOk")]
    Ok,
    #[ors(unrecognized)]
    Unrecognized(i64),
}

#[derive(ors_events::OrsEnum)]
#[ors(integer)]
#[ors(integer, numeric)]
enum PartyState {
    #[ors(code = 0, name = "PartyStateOk")]
    Ok,
    #[ors(unrecognized)]
    Unrecognized(i64),
}

fn main() {}
