#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum CallState {
    #[ors(code = "0", name = "CallStateOk")]
    Ok,
    #[ors(code = 9223372036854775808, name = "CallStateTooBig")]
    TooBig,
    #[ors(code = 2, name = "3")]
    Numeric,
    #[ors(code = 4, name = "CallStateHeld", colour = "red")]
    Held,
    #[ors(unrecognized)]
    Unrecognized(i64),
}

fn main() {}
