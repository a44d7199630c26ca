//! Reads, guards, aliases and `_event.name` comparisons in ECMAScript snippets.

use super::*;

/// (name, tested) of every read, with no aliases known before.
fn found(script: &str, condition: bool) -> Vec<(String, bool)> {
    reads(script, &mut Vec::new(), condition, &|_| true)
        .into_iter()
        .map(|read| (read.name, read.tested))
        .collect()
}

fn r(name: &str, tested: bool) -> (String, bool) {
    (name.to_owned(), tested)
}

#[test]
fn reads_and_their_positions() {
    let all = reads(
        "x = _event.data.interactionid + _event.data['focusdeviceid'] + _event.data?.partyid",
        &mut Vec::new(),
        false,
        &|_| true,
    );
    let names: Vec<(&str, usize)> = all.iter().map(|r| (r.name.as_str(), r.at)).collect();
    assert_eq!(
        names,
        [
            ("interactionid", 16),
            ("focusdeviceid", 45),
            ("partyid", 76)
        ]
    );
    assert_eq!(
        found("_event . data . partyid", false),
        [r("partyid", false)]
    );
    assert_eq!(
        found("_event.data?.['partyid']", false),
        [r("partyid", false)]
    );
    assert_eq!(found("f(_event.data.$x)", false), [r("$x", false)]);
}

#[test]
fn what_is_not_a_read() {
    for script in [
        "my_event.data.partyid",
        "x._event.data.partyid",
        "_event.name == 'interaction.added'",
        "_event.dataset.partyid",
        "_event.data",
        "_event.data.",
        "_event.data.5",
        "_event.data[key]",
        "_event.data['a' + b]",
        "_event.data['open",
        "_event.data.hasOwnProperty('partyid')",
        "_eventdata.x",
        // Strings, templates and comments are not code.
        "'_event.data.partyid'",
        "\"see _event.data.partyid\"",
        "`_event.data.partyid`",
        "// _event.data.partyid",
        "/* _event.data.partyid */",
        "x = /_event.data.partyid/",
        "__Log('party: _event.data.partyid = ' + p)",
    ] {
        assert_eq!(found(script, false), [], "{script}");
    }
    // A template substitution is code.
    assert_eq!(
        found("`${_event.data.partyid}`", false),
        [r("partyid", false)]
    );
}

#[test]
fn composer_guards() {
    // What Composer generates for interaction.deleted.
    assert_eq!(
        found(
            "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')",
            true
        ),
        [
            r("interactionid", false),
            r("resultof", true),
            r("resultof", true)
        ]
    );
    for script in [
        "_event.data.resultof && _event.data.resultof == 'deletion'",
        "typeof _event.data.resultof != 'undefined' && _event.data.resultof == 'deletion'",
        "'undefined' !== typeof _event.data.resultof && _event.data.resultof == 'deletion'",
        "_event.data.resultof !== undefined && _event.data.resultof == 'deletion'",
        "_event.data.resultof != null && _event.data.resultof == 'deletion'",
        "undefined != _event.data.resultof && log(_event.data.resultof)",
        "'resultof' in _event.data && _event.data.resultof == 'deletion'",
        "_event.data.hasOwnProperty('resultof') && _event.data.resultof == 'deletion'",
        "typeof _event.data.resultof == 'undefined' || _event.data.resultof == 'deletion'",
        "_event.data.resultof === undefined || _event.data.resultof == 'deletion'",
        "!('resultof' in _event.data) || _event.data.resultof == 'deletion'",
        "x && (!_event.data.resultof || (y && _event.data.resultof == 'deletion'))",
        "_event.data.resultof ? _event.data.resultof : 'deletion'",
        "!_event.data.resultof ? 'deletion' : _event.data.resultof",
        "if (_event.data.resultof) { x = _event.data.resultof; }",
        "if (_event.data.resultof && a) x = _event.data.resultof.length;",
        "if (!_event.data.resultof) { x = 1; } else { x = _event.data.resultof; }",
        "if (!_event.data.resultof) x = 1; else if (b) { x = _event.data.resultof; }",
        "while (typeof _event.data.resultof !== 'undefined') { f(_event.data.resultof); }",
        "var r = _event.data.resultof || 'deletion';",
    ] {
        let reads = found(script, false);
        assert!(!reads.is_empty(), "{script}");
        assert!(
            reads.iter().all(|(_, tested)| *tested),
            "{script}: {reads:?}"
        );
    }
}

#[test]
fn unguarded_reads() {
    for script in [
        "_event.data.resultof == 'deletion'",
        "x = _event.data.resultof;",
        "_event.data.resultof !== null && f(_event.data.resultof)",
        "_event.data.interactionid && _event.data.resultof == 'deletion'",
        "a || _event.data.resultof == 'deletion'",
        "x && y || _event.data.resultof == 'deletion'",
        "(_event.data.resultof && a) || f(_event.data.resultof)",
        "if (_event.data.resultof) { x = 1; } else { x = _event.data.resultof; }",
        "if (a) { x = _event.data.resultof; }",
        "_event.data.resultof != 'deletion' && f(_event.data.resultof)",
        "f(function () { return _event.data.resultof; })",
        "'resultof' + _event.data.resultof",
    ] {
        let reads = found(script, false);
        let last = reads.last().unwrap_or_else(|| panic!("{script}: no read"));
        assert!(!last.1, "{script}: {reads:?}");
    }
    // A comparison with a value is a read, and guards the reads after it.
    assert_eq!(
        found(
            "_event.data.resultof == 'detaching' && f(_event.data.resultof)",
            false
        ),
        [r("resultof", false), r("resultof", true)]
    );
    // A test after the read guards nothing.
    assert_eq!(
        found(
            "_event.data.resultof == 'deletion' || !_event.data.resultof",
            false
        ),
        [r("resultof", false), r("resultof", true)]
    );
    // A whole condition is a test; in a value it is a read.
    assert_eq!(found("_event.data.resultof", true), [r("resultof", true)]);
    assert_eq!(found("_event.data.resultof", false), [r("resultof", false)]);
    // A test of another attribute guards nothing.
    assert_eq!(
        found("!_event.data.hints || _event.data.resultof == 'x'", false),
        [r("hints", true), r("resultof", false)]
    );
}

#[test]
fn aliases_one_level() {
    let mut aliases = Vec::new();
    let script = "var d = _event.data; var e = d; x = d.focusdeviceid + d['partyid'] + e.partystate + _event.data.interactionid;";
    let names: Vec<String> = reads(script, &mut aliases, false, &|_| true)
        .into_iter()
        .map(|read| read.name)
        .collect();
    assert_eq!(names, ["focusdeviceid", "partyid", "interactionid"]);
    assert_eq!(aliases, ["d"]);
    // Known from an earlier script, forgotten when reassigned.
    let names: Vec<String> = reads(
        "y = d.hints; d = {}; z = d.other;",
        &mut aliases,
        false,
        &|_| true,
    )
    .into_iter()
    .map(|read| read.name)
    .collect();
    assert_eq!(names, ["hints"]);
    assert!(aliases.is_empty());
    // Used before it is declared, or a member called `d`: not a read.
    assert_eq!(found("x = d.a; var d = _event.data; y = o.d.b;", false), []);
    // Guards through the alias.
    let mut aliases = vec!["data".to_owned()];
    let guarded = reads(
        "if ('resultof' in data && data.resultof == 'deletion') f();",
        &mut aliases,
        false,
        &|_| true,
    );
    assert!(guarded.iter().all(|read| read.tested), "{guarded:?}");
}

#[test]
fn condition_facts() {
    let facts_of = |script: &str| facts(script, &Vec::new());
    assert_eq!(
        facts_of("_event.data.resultof && _event.data.hints.callstate == 2"),
        Facts {
            when_true: vec!["resultof".into(), "hints".into()],
            when_false: vec![],
        }
    );
    assert_eq!(
        facts_of("(!_event.data.resultof)"),
        Facts {
            when_true: vec![],
            when_false: vec!["resultof".into()],
        }
    );
    assert_eq!(
        facts_of("typeof _event.data.hints == 'undefined' || !('resultof' in _event.data)"),
        Facts {
            when_true: vec![],
            when_false: vec!["hints".into(), "resultof".into()],
        }
    );
    assert_eq!(facts_of("a || _event.data.resultof"), Facts::default());
    assert_eq!(facts_of(""), Facts::default());
}

#[test]
fn event_name_comparisons() {
    let names = |script: &str| -> Vec<(String, usize)> {
        event_names(script)
            .into_iter()
            .map(|name| (name.value, name.at))
            .collect()
    };
    assert_eq!(
        names("_event.name != 'interaction.delted'"),
        [("interaction.delted".into(), 16)]
    );
    assert_eq!(
        names("'voice.hold.done' === _event.name || _event.name=='error.queue.submit'"),
        [
            ("voice.hold.done".into(), 1),
            ("error.queue.submit".into(), 51)
        ]
    );
    assert_eq!(
        names("switch (_event.name) { case 'interaction.added': f(); break; case \"chat.x\": { g(); } default: }"),
        [("interaction.added".into(), 29), ("chat.x".into(), 67)]
    );
    for script in [
        "_event.name",
        "x.name == 'a'",
        "'_event.name == \"a\"'",
        "_event.name.indexOf('interaction.') == 0",
        "_event.name == prefix + 'x'",
        "// _event.name == 'a'",
        "switch (x) { case 'a': }",
    ] {
        assert_eq!(names(script), [], "{script}");
    }
}

#[test]
fn long_expressions_stay_fast() {
    let script = vec!["_event.data.resultof"; 20_000].join(" + ");
    let started = std::time::Instant::now();
    let found = reads(&script, &mut Vec::new(), false, &|_| true);
    assert_eq!(found.len(), 20_000);
    assert!(found.iter().all(|read| !read.tested));
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    // Reads no one asks about are not analysed at all.
    let found = reads(&script, &mut Vec::new(), false, &|_| false);
    assert!(found.iter().all(|read| !read.tested));
}

#[test]
fn never_panics() {
    let script = "if (!_event.data.x || typeof d.y != 'undefined') { var d = _event.data; switch (_event.name) { case 'a': d['b'] ? c : `${_event.data.z}`; } } else f(/r/g, 'q' in _event.data)";
    for end in 0..=script.len() {
        if let Some(prefix) = script.get(..end) {
            let _ = reads(prefix, &mut vec!["d".into()], true, &|_| true);
            let _ = facts(prefix, &vec!["d".into()]);
            let _ = event_names(prefix);
        }
        if let Some(suffix) = script.get(end..) {
            let _ = reads(suffix, &mut Vec::new(), false, &|_| true);
            let _ = facts(suffix, &Vec::new());
            let _ = event_names(suffix);
        }
    }
}
