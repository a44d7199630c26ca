#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum CallState {
    #[ors(code = 0, name = "CallStateOk")]
    Ok,
    #[ors(unrecognized)]
    Unrecognized(i64),
    #[ors(unrecognized)]
    Unknown(i64),
}

fn main() {}
