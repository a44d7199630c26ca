//! Reads of version-gated attributes: guarded ones are not reported, and a release name is its
//! whole line.

use ors_events::lint::{self, Options, Severity};

use super::{found, page, where_is};
use crate::{at, fixture};

/// Composer's own handler of interaction.deleted, on the release that added `resultof` in a
/// later build: the guard handles the builds without it.
#[test]
fn composer_guard_on_release_8_1_4_is_not_reported() {
    let ipd = std::fs::read_to_string(
        crate::support::workspace().join("tests/lint/composer/src-gen/IPD_default_Inbound.scxml"),
    )
    .unwrap();
    assert_eq!(found(&ipd, &at("8.1.4")), []);
    assert_eq!(found(&ipd, &at("8.1.3")), []);
    // Without the guard, the read is reported, naming the build that added the attribute.
    let guard = "(!_event.data.resultof || _event.data.resultof == 'deletion')";
    let bare = ipd.replace(guard, "_event.data.resultof == 'deletion'");
    let findings = lint::lint(&bare, &at("8.1.4"));
    let (line, column) = where_is(&bare, "resultof == 'deletion'");
    assert_eq!(
        super::super::positions(&findings),
        [("not-in-version", line, column)]
    );
    assert_eq!(findings[0].severity, Severity::Warning);
    assert_eq!(
        findings[0].message,
        "attribute `resultof` of `interaction.deleted` exists since ORS build 8.1.400.09: the \
         builds of the target release 8.1.4 before it lack it; test that it is there before \
         reading it (`!_event.data.resultof || ...`)"
    );
    // Before the 8.1.4 line it is missing altogether.
    assert!(lint::lint(&bare, &at("8.1.3"))[0]
        .message
        .ends_with("exists since ORS 8.1.400.09, after the target release 8.1.3"));
    // A build of the line that has it: nothing to say, guarded or not.
    assert_eq!(found(&bare, &at("8.1.400.20")), []);
    assert_eq!(found(&bare, &at("8.1.400")), found(&bare, &at("8.1.4")));
}

/// `hints` of interaction.ondivert came with 8.1.400.53: on build 8.1.400.20 a guarded read
/// passes and an unguarded one is reported.
#[test]
fn guarded_read_on_build_8_1_400_20() {
    let guarded = page(
        "  <state id=\"Entry1\">\n\
         \x20   <transition event=\"interaction.ondivert\" cond=\"_event.data.interactionid == system.InteractionID\">\n\
         \x20     <if cond=\"_event.data.hints &amp;&amp; _event.data.hints.callstate == 22\">\n\
         \x20       <log expr=\"'diverted, call state ' + _event.data.hints.callstate\"/>\n\
         \x20     </if>\n\
         \x20     <script>if (typeof _event.data.hints != 'undefined') { system.Hints = _event.data.hints; }</script>\n\
         \x20   </transition>\n\
         \x20 </state>",
    );
    assert_eq!(found(&guarded, &at("8.1.400.20")), []);
    assert_eq!(found(&guarded, &at("8.1.4")), []);
    let unguarded = guarded.replace(
        "if (typeof _event.data.hints != 'undefined') { system.Hints = _event.data.hints; }",
        "system.Hints = _event.data.hints;",
    );
    let findings = lint::lint(&unguarded, &at("8.1.400.20"));
    let (line, column) = where_is(&unguarded, "hints;");
    assert_eq!(
        super::super::positions(&findings),
        [("not-in-version", line, column)]
    );
    assert_eq!(
        findings[0].message,
        "attribute `hints` of `interaction.ondivert` exists since ORS 8.1.400.53, after the \
         target build 8.1.400.20"
    );
    // On the release, the message names the build.
    assert!(lint::lint(&unguarded, &at("8.1.4"))[0]
        .message
        .contains("exists since ORS build 8.1.400.53: the builds of the target release 8.1.4"));
}

/// Every presence test the issue names, in conditions, `<if>` branches and scripts.
#[test]
fn every_presence_test_guards() {
    let transitions = [
        "cond=\"!_event.data.resultof || _event.data.resultof == 'deletion'\"/>",
        "cond=\"_event.data.resultof &amp;&amp; _event.data.resultof == 'deletion'\"/>",
        "cond=\"typeof _event.data.resultof != 'undefined' &amp;&amp; _event.data.resultof == 'deletion'\"/>",
        "cond=\"_event.data.resultof !== undefined &amp;&amp; _event.data.resultof == 'deletion'\"/>",
        "cond=\"'resultof' in _event.data &amp;&amp; _event.data.resultof == 'deletion'\"/>",
        // Tested in the transition's cond, read in its content.
        "cond=\"'resultof' in _event.data\"><log expr=\"_event.data.resultof\"/></transition>",
        // In `<if>` conditions and their branches.
        "><if cond=\"typeof _event.data.resultof == 'undefined'\"><log expr=\"'old build'\"/><else/><log expr=\"_event.data.resultof\"/></if></transition>",
        "><if cond=\"!_event.data.resultof\"><log expr=\"'old build'\"/><elseif cond=\"_event.data.resultof == 'detaching'\"/><log expr=\"_event.data.resultof\"/></if></transition>",
        "><if cond=\"_event.data.resultof !== undefined\"><assign location=\"r\" expr=\"_event.data.resultof\"/></if></transition>",
        // In `if` statements of a script.
        "><script>if (_event.data.resultof &amp;&amp; _event.data.resultof == 'detaching') { r = _event.data.resultof; }</script></transition>",
        "><script><![CDATA[if (!('resultof' in _event.data)) { r = 'deletion'; } else { r = _event.data.resultof; }]]></script></transition>",
        // Through an alias.
        "><script>var d = _event.data; if (typeof d.resultof != 'undefined') r = d.resultof;</script></transition>",
    ];
    for (i, transition) in transitions.iter().enumerate() {
        let source = page(&format!(
            "  <state id=\"Entry1\">\n    <transition event=\"interaction.deleted\" {transition}\n  </state>"
        ));
        assert_eq!(found(&source, &at("8.1.3")), [], "{i}: {transition}");
        assert_eq!(found(&source, &at("8.1.4")), [], "{i}: {transition}");
        // The same reads without their test are reported.
        let unguarded = source
            .replace("!_event.data.resultof || ", "")
            .replace("typeof _event.data.resultof != 'undefined' &amp;&amp; ", "");
        if unguarded != source {
            assert!(!found(&unguarded, &at("8.1.4")).is_empty(), "{i}");
        }
    }
    // A test of another attribute does not guard.
    let source = page(
        "  <state id=\"Entry1\">\n    <transition event=\"interaction.deleted\" cond=\"_event.data.interactionid &amp;&amp; _event.data.resultof == 'deletion'\"/>\n  </state>",
    );
    assert_eq!(found(&source, &at("8.1.4")).len(), 1);
    assert_eq!(found(&source, &Options::new()), []);
}

/// Events newer than some builds of the target release are reported the same way.
#[test]
fn events_of_later_builds_name_the_build() {
    let source = fixture("versions.scxml");
    let findings = lint::lint(&source, &at("8.1.4"));
    assert_eq!(
        findings[0].message,
        "event `interaction.property.changed` exists since ORS build 8.1.400.39: the builds \
         of the target release 8.1.4 before it never send it"
    );
    assert_eq!(found(&source, &at("8.1.400.40")), []);
}
