// A code is written as #[ors(code = N)], not as a discriminant. (Rust itself also rejects a
// discriminant next to the tuple variant `Unrecognized(i64)`.)
#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum CallState {
    #[ors(code = 0, name = "CallStateOk")]
    Ok,
    Transferred = 1,
    #[ors(unrecognized)]
    Unrecognized(i64),
}

fn main() {}
