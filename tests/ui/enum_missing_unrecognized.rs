#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum CallState {
    #[ors(code = 0, name = "CallStateOk")]
    Ok,
}

#[derive(ors_events::OrsEnum)]
#[ors(string)]
enum PartyState {
    #[ors(value = "detaching")]
    Detaching,
}

fn main() {}
