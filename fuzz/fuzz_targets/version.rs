//! `OrsVersion` parsing and ordering. Modes: (0) arbitrary text, up to three versions one per
//! line; (1) versions written from arbitrary parts in every form.
//!
//! Asserted: parsing never panics; a parsed version displays as text that parses back to an
//! equal version and displays the same; a rejected text is named by its error; the order is a
//! total order (antisymmetric, transitive, consistent with equality) and agrees with an
//! independent model: major, minor, three-digit line, then the build, where a release name or a
//! line is the start of its line; canonical text displays exactly as written.
#![no_main]

use std::cmp::Ordering;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use ors_events_codegen::OrsVersion;
use ors_events_fuzz::mode;

/// A version in the model: major, minor, three-digit line, build (none for the line's start).
type Key = (u32, u32, u32, Option<u32>);

fuzz_target!(|data: &[u8]| {
    let Some((mode, rest)) = mode(data, 2) else {
        return;
    };
    let versions: Vec<(OrsVersion, Key)> = if mode == 0 {
        let text = String::from_utf8_lossy(rest);
        text.split('\n').take(3).filter_map(parse_checked).collect()
    } else {
        match written(&mut Unstructured::new(rest)) {
            Ok(texts) => texts
                .iter()
                .map(|text| {
                    let parsed =
                        parse_checked(text).unwrap_or_else(|| panic!("{text:?} was rejected"));
                    assert_eq!(
                        parsed.0.to_string(),
                        *text,
                        "canonical text displays as written"
                    );
                    parsed
                })
                .collect(),
            Err(_) => return,
        }
    };
    for (a, model_a) in &versions {
        for (b, model_b) in &versions {
            let order = a.cmp(b);
            assert_eq!(
                order,
                model_a.cmp(model_b),
                "{a} against {b}: not the model's order"
            );
            assert_eq!(
                order,
                b.cmp(a).reverse(),
                "{a} against {b}: not antisymmetric"
            );
            assert_eq!(a.partial_cmp(b), Some(order));
            assert_eq!(a == b, order == Ordering::Equal);
            for (c, _) in &versions {
                if a <= b && b <= c {
                    assert!(a <= c, "{a} <= {b} <= {c} but not {a} <= {c}");
                }
            }
        }
    }
});

/// Parses `text`; for a version, checks its display round trip and returns it with its model key.
fn parse_checked(text: &str) -> Option<(OrsVersion, Key)> {
    match text.parse::<OrsVersion>() {
        Err(error) => {
            assert_eq!(error.text, text);
            assert!(error.to_string().contains("is not an ORS version"));
            None
        }
        Ok(version) => {
            let shown = version.to_string();
            let again: OrsVersion = shown
                .parse()
                .unwrap_or_else(|err| panic!("{text:?} displays as {shown:?}, which fails: {err}"));
            assert_eq!(again, version, "{text:?} → {shown:?}");
            assert_eq!(
                again.to_string(),
                shown,
                "{text:?}: the display is not stable"
            );
            assert_eq!(again.form(), version.form());
            let model =
                model(text).unwrap_or_else(|| panic!("{text:?} parsed; the model rejects it"));
            assert_eq!(
                (
                    version.major(),
                    version.minor(),
                    version.line(),
                    version.build()
                ),
                model,
                "{text:?}"
            );
            Some((version, model))
        }
    }
}

/// The model: `M.m.R` (one-digit release R, line R×100), `M.m.LLL` or `M.m.LLL.B` (one to
/// three build digits), every part decimal digits that fit in u32.
fn model(text: &str) -> Option<Key> {
    let parts: Vec<&str> = text.split('.').collect();
    let number = |part: &str| -> Option<u32> {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (major, minor) = (number(parts.first()?)?, number(parts.get(1)?)?);
    let line_text = parts.get(2)?;
    match (parts.len(), line_text.len()) {
        (3, 1) => Some((major, minor, number(line_text)?.checked_mul(100)?, None)),
        (3, 3) => Some((major, minor, number(line_text)?, None)),
        (4, 3) if (1..=3).contains(&parts[3].len()) => {
            Some((major, minor, number(line_text)?, Some(number(parts[3])?)))
        }
        _ => None,
    }
}

/// Up to three versions written canonically from arbitrary parts.
fn written(u: &mut Unstructured<'_>) -> Result<Vec<String>> {
    let count = u.int_in_range(1..=3u8)?;
    (0..count)
        .map(|_| {
            let (major, minor) = (u.int_in_range(0..=20u32)?, u.int_in_range(0..=9u32)?);
            let major = if u.ratio(1, 16)? { u32::MAX } else { major };
            let line = u.int_in_range(0..=9u32)?;
            Ok(match u.int_in_range(0..=2u8)? {
                0 => format!("{major}.{minor}.{line}"),
                1 => format!(
                    "{major}.{minor}.{:03}",
                    line * 100 + u.int_in_range(0..=99u32)?
                ),
                _ => {
                    let width = u.int_in_range(1..=3usize)?;
                    let build = u.int_in_range(0..=999u32)? % 10u32.pow(width as u32);
                    format!(
                        "{major}.{minor}.{:03}.{build:0width$}",
                        u.int_in_range(0..=999u32)?
                    )
                }
            })
        })
        .collect()
}
