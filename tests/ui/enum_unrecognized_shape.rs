#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum Unit {
    #[ors(code = 0, name = "Ok")]
    Ok,
    #[ors(unrecognized)]
    Unrecognized,
}

#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum Named {
    #[ors(code = 0, name = "Ok")]
    Ok,
    #[ors(unrecognized)]
    Unrecognized { code: i64 },
}

#[derive(ors_events::OrsEnum)]
#[ors(integer)]
enum WrongType {
    #[ors(code = 0, name = "Ok")]
    Ok,
    #[ors(unrecognized, code = 1)]
    Unrecognized(String),
}

#[derive(ors_events::OrsEnum)]
#[ors(string)]
enum TwoFields {
    #[ors(value = "ok")]
    Ok,
    #[ors(unrecognized)]
    Unrecognized(String, String),
}

fn main() {}
