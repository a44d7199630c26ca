#[derive(ors_events::OrsEnum)]
enum CallState {
    #[ors(code = 0, name = "CallStateOk")]
    Ok,
    #[ors(unrecognized)]
    Unrecognized(i64),
}

fn main() {}
