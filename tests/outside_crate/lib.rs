//! A crate with an event catalogue of its own (queue and dialog families), whose bindings are
//! included inside a module of its own.

/// The bindings of `catalogue/`.
pub mod events {
    include!(concat!(env!("OUT_DIR"), "/rust/mod.rs"));
}

#[cfg(test)]
mod tests {
    use ors_events::runtime::serde_json::{self, json, Value};
    use ors_events::{Options, Outcome, Pending};

    use crate::events::{dialog, queue, validate, validate_lines, Action, Envelope, Event, EventName, Priority};

    const DONE: &str = r#"{"name": "queue.submit.done", "data": {"requestid": "r-1", "interactionid": "i-1", "priority": 5, "targets": [{"id": "t", "weight": 2}], "position": 3}}"#;

    fn codes(line: &str, options: &Options) -> Vec<(String, &'static str)> {
        validate(line.as_bytes(), options)
            .violations
            .into_iter()
            .map(|v| (v.pointer, v.code))
            .collect()
    }

    #[test]
    fn decodes_in_any_key_order_and_round_trips() {
        let event = Event::from_json(DONE.as_bytes()).unwrap();
        let Event::QueueSubmitDone(done) = &event else { panic!("{event:?}") };
        assert_eq!(done.priority, Priority::Urgent);
        assert_eq!(done.targets.as_ref().unwrap()[0].weight, Some(2));
        let data_first = r#"{"data": {"requestid": "r-1", "interactionid": "i-1", "priority": 5, "targets": [{"id": "t", "weight": 2}], "position": 3}, "name": "queue.submit.done"}"#;
        assert_eq!(Event::from_json(data_first.as_bytes()).unwrap(), event);
        let again: Value = serde_json::to_value(&event).unwrap();
        assert_eq!(again, serde_json::from_str::<Value>(DONE).unwrap());
        let envelope: Envelope = serde_json::from_str(
            r#"{"name": "queue.overflow", "type": "internal", "data": {"queueid": "q", "waiting": 2, "extensions": {"vendor": "v", "kept": [1]}}}"#,
        )
        .unwrap();
        let back = serde_json::to_value(&envelope).unwrap();
        assert_eq!(back["data"]["extensions"]["kept"], json!([1]));
        assert_eq!(back["type"], "internal");
        assert_eq!("queue.overflow".parse::<EventName>().unwrap(), EventName::QueueOverflow);
        assert_eq!(
            "queue.overflw".parse::<EventName>().unwrap_err().suggestion,
            Some("queue.overflow")
        );
    }

    #[test]
    fn validates_with_every_violation_code() {
        let strict = Options::new();
        assert_eq!(codes(DONE, &strict), []);
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("{oops", &[("", "malformed-json")]),
            (r#"{"name": "queue.submit.done", "data": {"requestid": 1, "interactionid": "i", "priority": 1}}"#, &[("/data/requestid", "wrong-type")]),
            (r#"{"name": "queue.submit.done"}"#, &[("/data", "missing-field")]),
            (r#"{"name": "dialog.start.done", "data": {"requestid": "r", "dialogid": "d"}, "when": 1}"#, &[("/when", "unknown-field")]),
            (r#"{"name": "dialog.start.done", "data": {"requestid": "r", "requestid": "s", "dialogid": "d"}}"#, &[("/data/requestid", "duplicate-key")]),
            (r#"{"name": "queue.submitt.done", "data": {}}"#, &[("/name", "unknown-event")]),
            (r#"{"name": "dialog.start.done", "data": {"requestid": "r"}}"#, &[("/data/dialogid", "missing-attribute")]),
            (r#"{"name": "dialog.start.done", "data": {"requestid": "r", "dialogid": "d", "dialgid": "x"}}"#, &[("/data/dialgid", "unknown-attribute")]),
            (r#"{"name": "queue.submit.done", "data": {"requestid": "r", "interactionid": "i", "priority": 3}}"#, &[("/data/priority", "enum-value")]),
        ];
        for (line, expected) in cases {
            let expected: Vec<(String, &str)> = expected.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect();
            assert_eq!(codes(line, &strict), expected, "{line}");
        }
        let mut found = Vec::new();
        let long = format!("{DONE}\n{}\n{DONE}\n", " ".repeat(4096));
        let summary = validate_lines(long.as_bytes(), &strict, 1024, |line, report| {
            found.extend(report.violations.iter().map(|v| (line, v.code)));
            Ok(())
        })
        .unwrap();
        assert_eq!(found, [(2, "line-too-long")]);
        assert_eq!((summary.events, summary.invalid), (3, 1));
    }

    #[test]
    fn gates_by_ors_version() {
        let old = Options::new().ors_version("8.1.200.73".parse().unwrap());
        assert_eq!(codes(DONE, &old), [("/data/position".to_owned(), "not-in-version")]);
        let cancel = r#"{"name": "queue.cancel.done", "data": {"requestid": "r"}}"#;
        assert_eq!(codes(cancel, &old), [("/name".to_owned(), "not-in-version")]);
        let current = Options::new().ors_version("8.1.400.20".parse().unwrap());
        assert_eq!(codes(DONE, &current), []);
        assert_eq!(codes(cancel, &current), []);
        let lenient = Options::new().lenient(true);
        let report = validate(
            br#"{"name": "dialog.start.done", "data": {"requestid": "r", "dialogid": "d", "extra": 1}}"#,
            &lenient,
        );
        assert!(report.is_valid());
        assert_eq!(report.warnings().count(), 1);
    }

    #[test]
    fn correlates_requests_and_results() {
        let pending = Pending::<queue::Submit>::new("r-1");
        let done = Event::from_json(DONE.as_bytes()).unwrap();
        assert_eq!(pending.completion(&done).unwrap().unwrap().interactionid, "i-1");
        let failed = Event::from_json(
            br#"{"name": "error.queue.submit", "data": {"requestid": "r-1", "error": "queuefull"}}"#,
        )
        .unwrap();
        assert_eq!(pending.completion(&failed).unwrap().unwrap_err().error, "queuefull");
        assert!(Pending::<queue::Submit>::new("r-2").completion(&done).is_none());
        assert!(Pending::<dialog::Start>::new("r-1").completion(&done).is_none());
        assert_eq!(done.completes("r-1"), Some((Action::QueueSubmit, Outcome::Done)));
        assert_eq!(Action::QueueSubmit.error(), EventName::ErrorQueueSubmit);
        let built = Event::from(dialog::StartDone { requestid: "r".into(), dialogid: "d".into() });
        assert!(built.validate(&Options::new()).is_valid());
    }
}
