//! Which builds of a target release have an event or attribute, and how findings say so.
//!
//! A target given as a build (`8.1.400.20`) is that build. A target given as a release name
//! (`8.1.4`) or a line (`8.1.400`) is the whole line, every 8.1.400.xx build, as a catalogue's
//! `since` means it: something since `8.1.400.09` is in some builds of the target `8.1.4` and
//! not in its earlier ones, and something since `8.1.3` is in all of them.

use ors_events_core::version::Form;

use crate::OrsVersion;

/// What the builds of the target have of something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Availability {
    /// Every build of the target has it.
    All,
    /// The target's builds from this one on have it; the earlier ones do not.
    From(OrsVersion),
    /// No build of the target has it: it came later.
    Later(OrsVersion),
}

/// What the builds of `target` have of something that exists since `since`.
pub(crate) fn availability(since: Option<OrsVersion>, target: &OrsVersion) -> Availability {
    let Some(since) = since else {
        return Availability::All;
    };
    if since <= *target {
        return Availability::All;
    }
    let whole_line = matches!(target.form(), Form::Release | Form::Line);
    let same_line = (since.major(), since.minor(), since.line())
        == (target.major(), target.minor(), target.line());
    if whole_line && same_line {
        Availability::From(since)
    } else {
        Availability::Later(since)
    }
}

/// The later of two `since`s (`None` is the first release).
pub(crate) fn later(a: Option<OrsVersion>, b: Option<OrsVersion>) -> Option<OrsVersion> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The best of several availabilities: all builds, else the earliest partial, else the
/// earliest later one. `None` when there are none.
pub(crate) fn best(availabilities: impl IntoIterator<Item = Availability>) -> Option<Availability> {
    let rank = |a: &Availability| match a {
        Availability::All => (0, None),
        Availability::From(build) => (1, Some(*build)),
        Availability::Later(since) => (2, Some(*since)),
    };
    availabilities.into_iter().min_by_key(rank)
}

/// "the target release 8.1.4" or "the target build 8.1.400.20".
pub(crate) fn target_text(target: &OrsVersion) -> String {
    match target.form() {
        Form::Build { .. } => format!("the target build {target}"),
        _ => format!("the target release {target}"),
    }
}

/// How `what` (`` attribute `x` of `y` `` or `` event `y` ``) is unavailable to `target`;
/// `None` when every build of the target has it. `lacks` says what the earlier builds do
/// ("lack it", "never send it").
pub(crate) fn message(
    what: &str,
    availability: Availability,
    target: &OrsVersion,
    lacks: &str,
) -> Option<String> {
    match availability {
        Availability::All => None,
        Availability::Later(since) => Some(format!(
            "{what} exists since ORS {since}, after {}",
            target_text(target)
        )),
        Availability::From(build) => Some(format!(
            "{what} exists since ORS build {build}: the builds of {} before it {lacks}",
            target_text(target)
        )),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn v(text: &str) -> OrsVersion {
        text.parse().unwrap()
    }

    #[test]
    fn releases_are_whole_lines() {
        let deleted_resultof = Some(v("8.1.400.09"));
        assert_eq!(
            availability(deleted_resultof, &v("8.1.4")),
            Availability::From(v("8.1.400.09"))
        );
        assert_eq!(
            availability(deleted_resultof, &v("8.1.400")),
            Availability::From(v("8.1.400.09"))
        );
        assert_eq!(
            availability(deleted_resultof, &v("8.1.3")),
            Availability::Later(v("8.1.400.09"))
        );
        assert_eq!(
            availability(deleted_resultof, &v("8.1.400.20")),
            Availability::All
        );
        assert_eq!(
            availability(deleted_resultof, &v("8.1.400.05")),
            Availability::Later(v("8.1.400.09"))
        );
        assert_eq!(
            availability(Some(v("8.1.3")), &v("8.1.3")),
            Availability::All
        );
        assert_eq!(
            availability(Some(v("8.1.3")), &v("8.1.200.73")),
            Availability::Later(v("8.1.3"))
        );
        assert_eq!(availability(None, &v("8.0.000")), Availability::All);
    }

    #[test]
    fn messages() {
        let target = v("8.1.4");
        assert_eq!(
            message(
                "attribute `resultof` of `interaction.deleted`",
                Availability::From(v("8.1.400.09")),
                &target,
                "lack it"
            )
            .unwrap(),
            "attribute `resultof` of `interaction.deleted` exists since ORS build 8.1.400.09: \
             the builds of the target release 8.1.4 before it lack it"
        );
        assert_eq!(
            message(
                "event `x`",
                Availability::Later(v("8.1.400.39")),
                &v("8.1.400.20"),
                ""
            )
            .unwrap(),
            "event `x` exists since ORS 8.1.400.39, after the target build 8.1.400.20"
        );
        assert_eq!(message("x", Availability::All, &target, ""), None);
        assert_eq!(
            best([
                Availability::Later(v("8.1.400.09")),
                Availability::From(v("8.1.400.53")),
                Availability::From(v("8.1.400.17"))
            ]),
            Some(Availability::From(v("8.1.400.17")))
        );
        assert_eq!(later(Some(v("8.1.3")), None), Some(v("8.1.3")));
    }
}
