//! A diagnostic as one line of JSON, for editors and CI annotations.

use serde::Serialize;

use super::{Diagnostic, Location, Span};

/// The JSON form of a diagnostic, its keys in this order.
#[derive(Serialize)]
struct Object<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    #[serde(flatten)]
    place: Place<'a>,
    related: Vec<RelatedObject<'a>>,
}

#[derive(Serialize)]
struct RelatedObject<'a> {
    label: &'a str,
    #[serde(flatten)]
    place: Place<'a>,
}

/// Where: `null` members where it is not known.
#[derive(Serialize)]
struct Place<'a> {
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
}

impl<'a> Place<'a> {
    fn new(location: Option<&'a Location>, span: Option<&Span>) -> Self {
        Place {
            file: location.map(|l| l.file.as_str()),
            line: location.map(|l| l.line),
            column: location.map(|l| l.column),
            start: span.map(|s| s.start),
            end: span.map(|s| s.end),
        }
    }
}

/// `diagnostic` as a one-line JSON object.
pub(super) fn line(diagnostic: &Diagnostic) -> String {
    let object = Object {
        code: diagnostic.code.as_str(),
        severity: diagnostic.severity().as_str(),
        message: &diagnostic.message,
        help: diagnostic.help.as_deref(),
        place: Place::new(diagnostic.location.as_ref(), diagnostic.span.as_ref()),
        related: diagnostic
            .related
            .iter()
            .map(|related| RelatedObject {
                label: &related.label,
                place: Place::new(Some(&related.location), related.span.as_ref()),
            })
            .collect(),
    };
    // A struct of strings, numbers and options always serializes.
    serde_json::to_string(&object).unwrap_or_default()
}
