//! A diagnostic as rustc shows one, rendered by `annotate-snippets`: the gutter sized to the line
//! numbers, tabs and wide characters accounted for, the caret under the span's bytes, related
//! places as secondary labelled snippets.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Location, Severity, Span};

/// `diagnostic` as text, with ANSI colours when `color` is set.
pub(super) fn render(diagnostic: &Diagnostic, color: bool) -> String {
    let level = match diagnostic.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code.as_str());
    let mut group = Group::with_title(title);
    if let Some(location) = &diagnostic.location {
        group = match &diagnostic.span {
            Some(span) => group.element(snippet(location, span, AnnotationKind::Primary, None)),
            None => group.element(origin(location)),
        };
    }
    for related in &diagnostic.related {
        let label = Some(related.label.as_str());
        group = match &related.span {
            Some(span) => group.element(snippet(
                &related.location,
                span,
                AnnotationKind::Context,
                label,
            )),
            None => group.element(origin(&related.location)).element(
                Level::NOTE
                    .with_name(None::<&str>)
                    .message(related.label.as_str()),
            ),
        };
    }
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// The line of `span` with the span annotated, headed by `location`.
fn snippet<'a>(
    location: &'a Location,
    span: &'a Span,
    kind: AnnotationKind,
    label: Option<&'a str>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let start = span.start.saturating_sub(span.line_start);
    let end = span.end.saturating_sub(span.line_start).max(start);
    Snippet::source(span.line_text.as_str())
        .line_start(location.line)
        .path(location.file.as_str())
        .annotation(kind.span(start..end).label(label))
}

/// `--> file:line:column` alone, for a place whose source is not at hand.
fn origin(location: &Location) -> Origin<'_> {
    Origin::path(location.file.as_str())
        .line(location.line)
        .char_column(location.column)
}
