//! Event families: the ones ORS and SCXML send that the catalogue does not describe (left
//! alone), and misspellings of the catalogue's own (reported).
//!
//! A descriptor's family token is its first, or its second after `error.`
//! (`interaction.added`, `error.voice.hold`). When that token is not a family of the
//! catalogue, it may be a family the linter knows to exist elsewhere ([`KNOWN_FAMILIES`]), one
//! the project defines, or a typo: a token of four letters or more within a small edit
//! distance (one edit up to five letters, two beyond; a swap of two neighbours is one edit)
//! of a catalogue family, such as `interation` or `vioce`, is reported as `unknown-family`.
//! Tokens with digits, dashes or underscores (`Entry1` in Composer's `Entry1.done`) are names
//! of the application's own, never typos.

/// A family of events that ORS or an SCXML platform sends, which the built-in catalogue does
/// not describe: descriptors in it are never reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownFamily {
    /// The token: a descriptor's first, or its second after `error.`.
    pub name: &'static str,
    /// Example events, as a sample of what the family holds.
    pub examples: &'static str,
    /// Where the family is documented or seen.
    pub source: &'static str,
}

/// Families the linter knows exist outside the catalogue. Each is documented by the vendor or
/// by W3C, or is written by Genesys Composer into the SCXML it generates.
pub const KNOWN_FAMILIES: &[KnownFamily] = &[
    KnownFamily {
        name: "queue",
        examples: "`queue.submit.done`, `error.queue.submit`",
        source: "ORS Queue Interface (Genesys 8.1 SCXML Technical Reference, Queue Interface, Events: \"the event namespace convention is queue.xxxx\")",
    },
    KnownFamily {
        name: "dialog",
        examples: "`dialog.start.done`, `dialog.playandcollect.done`, `error.dialog.start`",
        source: "ORS Dialog (Treatment) Interface (same reference, Dialog Interface, Events: \"dialog.xxxx\")",
    },
    KnownFamily {
        name: "session",
        examples: "`session.fetch.done`, `session.start.done`, `error.session.fetch`",
        source: "ORS SCXML extensions (same reference, SCXML Extensions, Events: \"session.xxxx\")",
    },
    KnownFamily {
        name: "application",
        examples: "`application.start`, `application.exit`",
        source: "Composer's generated interaction process diagrams (IPD), which raise them to start and stop the workflow",
    },
    KnownFamily {
        name: "done",
        examples: "`done.state.ID`, `done.invoke.ID`",
        source: "W3C SCXML (events the platform raises when a state or an invocation completes)",
    },
    KnownFamily {
        name: "cancel",
        examples: "`cancel.successful`",
        source: "Composer's generated workflows (the UserData block waits for it after `<cancel>`)",
    },
    KnownFamily {
        name: "execution",
        examples: "`error.execution`",
        source: "W3C SCXML (an error in executable content)",
    },
    KnownFamily {
        name: "communication",
        examples: "`error.communication`",
        source: "W3C SCXML (an error sending an event)",
    },
    KnownFamily {
        name: "platform",
        examples: "`error.platform`",
        source: "W3C SCXML (a platform error)",
    },
    KnownFamily {
        name: "notallowed",
        examples: "`error.notallowed`",
        source: "ORS, handled by Composer's generated IPD and UserData blocks",
    },
    KnownFamily {
        name: "com",
        examples: "`error.com.genesyslab.composer.noudata`",
        source: "Composer's generated workflows (errors Composer's blocks raise themselves)",
    },
];

/// The family token of a descriptor or event name: its first token, or its second after
/// `error.` (any case). `None` for a bare `error` or `error.*`.
pub fn family_token(name: &str) -> Option<&str> {
    let mut tokens = name.split('.');
    let first = tokens.next()?;
    if first.eq_ignore_ascii_case("error") {
        tokens.next().filter(|token| *token != "*")
    } else {
        Some(first)
    }
}

/// The catalogue family `token` looks like a misspelling of, if any. `known` holds the tokens
/// that are not typos whatever they look like (the project's families and events).
pub fn misspelt<'f>(token: &str, families: &'f [String], known: &[String]) -> Option<&'f str> {
    if token.len() < 4 || !token.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let lower = token.to_ascii_lowercase();
    let is_known = |name: &str| name.eq_ignore_ascii_case(&lower);
    if families.iter().any(|family| is_known(family))
        || KNOWN_FAMILIES.iter().any(|family| is_known(family.name))
        || known.iter().any(|name| is_known(name))
    {
        return None;
    }
    let limit = if lower.len() <= 5 { 1 } else { 2 };
    let mut best: Option<(usize, &'f str)> = None;
    for family in families {
        let distance = swap_distance(&lower, &family.to_ascii_lowercase());
        if distance <= limit && best.is_none_or(|(closest, _)| distance < closest) {
            best = Some((distance, family.as_str()));
        }
    }
    best.map(|(_, family)| family)
}

/// The edit distance of `a` and `b` counting a swap of two neighbouring characters as one
/// edit (optimal string alignment).
fn swap_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        table[i * width] = i;
    }
    for (j, cell) in table.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn families() -> Vec<String> {
        ["interaction", "voice", "msgbased", "chat"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn tokens() {
        assert_eq!(family_token("interaction.added"), Some("interaction"));
        assert_eq!(family_token("error.interation.accept"), Some("interation"));
        assert_eq!(family_token("Error.voice"), Some("voice"));
        assert_eq!(family_token("error"), None);
        assert_eq!(family_token("error.*"), None);
        assert_eq!(family_token("*"), Some("*"));
    }

    #[test]
    fn typos_of_catalogue_families() {
        let families = families();
        let typo = |token: &str| misspelt(token, &families, &[]);
        assert_eq!(typo("interation"), Some("interaction"));
        assert_eq!(typo("intreaction"), Some("interaction"));
        assert_eq!(typo("Interactoin"), Some("interaction"));
        assert_eq!(typo("vioce"), Some("voice"));
        assert_eq!(typo("voise"), Some("voice"));
        assert_eq!(typo("msgbase"), Some("msgbased"));
        assert_eq!(typo("chta"), Some("chat"));
        // Families of their own, and the catalogue's.
        for fine in [
            "interaction",
            "Voice",
            "queue",
            "dialog",
            "session",
            "application",
            "done",
            "cancel",
            "execution",
            "platform",
            "notallowed",
            "com",
            "chat1",
            "Entry1",
            "cat",
            "myapp",
            "routing",
            "voicemail",
            "chatbot",
            "interactions2",
            "*",
            "",
        ] {
            assert_eq!(typo(fine), None, "{fine}");
        }
        // What the project defines is never a typo.
        assert_eq!(misspelt("chats", &families, &["chats".into()]), None);
        assert_eq!(typo("chats"), Some("chat"));
    }

    #[test]
    fn distances() {
        assert_eq!(swap_distance("", ""), 0);
        assert_eq!(swap_distance("abc", ""), 3);
        assert_eq!(swap_distance("vioce", "voice"), 1);
        assert_eq!(swap_distance("interation", "interaction"), 1);
        assert_eq!(swap_distance("queue", "voice"), 4);
    }
}
