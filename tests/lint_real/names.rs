//! Family typos, event names compared in code, reads through aliases, and what ECMAScript
//! does not read.

use ors_events::lint::{self, families::KNOWN_FAMILIES, Options};

use super::{found, messages, page, where_is};
use crate::positions;

fn composer(name: &str) -> String {
    let path = crate::support::workspace()
        .join("tests/lint/composer/src-gen")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// `source` with the one occurrence of `from` replaced.
fn edit(source: &str, from: &str, to: &str) -> String {
    assert_eq!(source.matches(from).count(), 1, "`{from}`");
    source.replacen(from, to, 1)
}

#[test]
fn misspelt_families_are_reported_with_suggestions() {
    let ipd = composer("IPD_default_Inbound.scxml");
    let typo = edit(
        &ipd,
        "event=\"interaction.partystatechanged\"",
        "event=\"interation.partystatechanged\"",
    );
    let findings = lint::lint(&typo, &Options::new());
    let (line, column) = where_is(&typo, "interation.partystatechanged");
    assert_eq!(positions(&findings), [("unknown-family", line, column)]);
    assert_eq!(
        findings[0].suggestion.as_deref(),
        Some("interaction.partystatechanged")
    );
    assert_eq!(
        findings[0].message,
        "unknown event family `interation` in the descriptor `interation.partystatechanged`: \
         did you mean `interaction` (`interaction.partystatechanged`)?"
    );
    let inbound = composer("Inbound.scxml");
    let typo = edit(
        &inbound,
        "event=\"error.interaction.terminate\"",
        "event=\"error.interation.terminate\"",
    );
    let findings = lint::lint(&typo, &Options::new());
    assert_eq!(
        positions(&findings),
        [(
            "unknown-family",
            where_is(&typo, "error.interation").0,
            where_is(&typo, "error.interation").1
        )]
    );
    assert_eq!(
        findings[0].suggestion.as_deref(),
        Some("error.interaction.terminate")
    );
    // A swap of letters, and a misspelt family with a misspelt event.
    let swapped = edit(
        &inbound,
        "event=\"voice.hold.done error",
        "event=\"vioce.hold.done error",
    );
    assert_eq!(
        lint::lint(&swapped, &Options::new())[0]
            .suggestion
            .as_deref(),
        Some("voice.hold.done")
    );
    let both = edit(
        &inbound,
        "event=\"voice.hold.done error",
        "event=\"vioce.hold.dne error",
    );
    assert_eq!(
        lint::lint(&both, &Options::new())[0].suggestion.as_deref(),
        Some("voice.hold.done")
    );
}

#[test]
fn families_outside_the_catalogue_are_left_alone() {
    for family in KNOWN_FAMILIES {
        assert!(!family.source.is_empty() && !family.examples.is_empty());
    }
    let transitions: String = [
        "queue.submit.done",
        "error.queue.submit",
        "dialog.playandcollect.done",
        "session.fetch.done",
        "application.start",
        "done.state.Inbound._composer_entry",
        "cancel.successful",
        "error.execution",
        "error.communication",
        "error.platform",
        "error.notallowed",
        "error.com.genesyslab.composer.noudata",
        "Entry1.done",
        "GetScore.script.done",
        "chatbot.reply",
        "acme.callback.done",
        "voices.greeting",
    ]
    .iter()
    .map(|event| format!("    <transition event=\"{event}\"/>\n"))
    .collect();
    let source = page(&format!("  <state id=\"Entry1\">\n{transitions}  </state>"));
    // `voices` is a near miss of `voice`, unless the project says it is its own.
    let findings = lint::lint(&source, &Options::new());
    assert_eq!(
        positions(&findings),
        [(
            "unknown-family",
            where_is(&source, "voices").0,
            where_is(&source, "voices").1
        )]
    );
    assert_eq!(found(&source, &Options::new().family("voices")), []);
    assert_eq!(found(&source, &Options::new().event("voices.greeting")), []);
    // Events the document sends itself are its own, in any family.
    let sent = source.replace(
        "  <state id=\"Entry1\">\n",
        "  <state id=\"Entry1\">\n    <onentry><send event=\"'voices.greeting'\"/></onentry>\n",
    );
    assert_eq!(found(&sent, &Options::new()), []);
    // Own events of a catalogue family are not checked either.
    let own = page(
        "  <state id=\"Entry1\">\n    <onentry><raise event=\"interaction.escalated\"/></onentry>\n    <transition event=\"interaction.escalated\" cond=\"_event.data.level\"/>\n  </state>",
    );
    assert_eq!(found(&own, &Options::new()), []);
}

#[test]
fn event_names_in_code_are_checked() {
    let source = page(concat!(
        "  <state id=\"Entry1\">\n",
        "    <transition event=\"interaction.*\" cond=\"_event.name != 'interaction.delted'\"/>\n",
        "    <transition event=\"*\" cond=\"_event.name == 'interaction.deleted' || 'voice.hold.don' === _event.name\"/>\n",
        "    <transition event=\"error\">\n",
        "      <if cond=\"_event.name=='error.queue.submit' || _event.name !== 'error.interation.accept'\"/>\n",
        "      <script><![CDATA[\n",
        "        switch (_event.name) { case 'error.voice.hld': break; case 'error.chat.sendchatmessage': break; }\n",
        "        __Log('_event.name == \"interaction.nothing\"'); // _event.name == 'interaction.none'\n",
        "      ]]></script>\n",
        "    </transition>\n",
        "    <transition event=\"interaction.property.changed interaction.added\" cond=\"_event.name == 'interaction.property.changed'\"/>\n",
        "  </state>",
    ));
    let findings = lint::lint(&source, &Options::new());
    let at = |needle: &str| where_is(&source, needle);
    assert_eq!(
        positions(&findings),
        [
            (
                "unknown-event",
                at("interaction.delted").0,
                at("interaction.delted").1
            ),
            (
                "unknown-event",
                at("voice.hold.don").0,
                at("voice.hold.don").1
            ),
            (
                "unknown-family",
                at("error.interation").0,
                at("error.interation").1
            ),
            (
                "unknown-event",
                at("error.voice.hld").0,
                at("error.voice.hld").1
            ),
        ]
    );
    assert_eq!(
        findings
            .iter()
            .map(|f| f.suggestion.as_deref())
            .collect::<Vec<_>>(),
        [
            Some("interaction.deleted"),
            Some("voice.hold.done"),
            Some("error.interaction.accept"),
            Some("error.voice.hold")
        ]
    );
    assert!(messages(&findings)[0].contains("`_event.name` is compared with a name"));
    // Compared names are version-checked like descriptors.
    let newer = lint::lint(&source, &crate::at("8.1.3"));
    let (line, column) = where_is(&source, "interaction.property.changed'");
    assert!(positions(&newer).contains(&("not-in-version", line, column)));
}

#[test]
fn reads_through_aliases_are_followed() {
    let inbound = composer("Inbound.scxml");
    let typo = edit(&inbound, "' is ' + d.partystate", "' is ' + d.partystatus");
    let findings = lint::lint(&typo, &Options::new());
    let (line, column) = where_is(&typo, "partystatus");
    assert_eq!(positions(&findings), [("unknown-attribute", line, column)]);
    assert_eq!(findings[0].suggestion.as_deref(), Some("partystate"));
    // `<assign location="ev" expr="_event.data"/>` binds too, until reassigned.
    let source = page(concat!(
        "  <state id=\"Entry1\">\n",
        "    <transition event=\"interaction.partyadded\">\n",
        "      <assign location=\"ev\" expr=\"_event.data\"/>\n",
        "      <log expr=\"'party ' + ev.partyid + ' on ' + ev.focusdevice\"/>\n",
        "      <assign location=\"ev\" expr=\"system.LastEvent\"/>\n",
        "      <log expr=\"ev.whatever\"/>\n",
        "    </transition>\n",
        "  </state>",
    ));
    let (line, column) = where_is(&source, "focusdevice\"");
    assert_eq!(
        found(&source, &Options::new()),
        [("unknown-attribute", line, column)]
    );
}

#[test]
fn strings_templates_and_comments_are_not_reads() {
    let source = page(concat!(
        "  <state id=\"Entry1\">\n",
        "    <transition event=\"interaction.partyadded\" cond=\"_event.data.partyid != '_event.data.partyID'\">\n",
        "      <log expr=\"'see _event.data.focusdevice for the device'\"/>\n",
        "      <script><![CDATA[\n",
        "        // _event.data.focusdevice was renamed focusdeviceid\n",
        "        /* _event.data.partyID */\n",
        "        __Log(\"party: _event.data.party\" + `_event.data.x`);\n",
        "        var re = /_event.data.y/;\n",
        "      ]]></script>\n",
        "    </transition>\n",
        "  </state>",
    ));
    assert_eq!(found(&source, &Options::new()), []);
    // The same read outside the string is one.
    let read = source.replace(
        "'see _event.data.focusdevice for the device'",
        "_event.data.focusdevice",
    );
    assert_eq!(found(&read, &Options::new()).len(), 1);
}

#[test]
fn findings_can_be_accepted_inline() {
    let source = page(concat!(
        "  <state id=\"Entry1\">\n",
        "    <!-- ors-events: allow not-in-version; this site runs 8.1.400.20 and later -->\n",
        "    <transition event=\"interaction.deleted\" cond=\"_event.data.resultof == 'deletion'\"/>\n",
        "    <transition event=\"interaction.deleted\" cond=\"_event.data.resultof == 'detaching'\"/>\n",
        "    <!-- ors-events: allow unknown-attribute, unknown-event -->\n",
        "    <transition event=\"interaction.added interaction.addde\" cond=\"_event.data.partyid\"/>\n",
        "    <!-- ors-events: allow unknown-event -->\n",
        "\n",
        "    <transition event=\"interaction.delted\"/>\n",
        "  </state>",
    ));
    let findings = lint::lint(&source, &crate::at("8.1.4"));
    assert_eq!(
        positions(&findings),
        [
            (
                "not-in-version",
                where_is(&source, "resultof == 'detaching'").0,
                where_is(&source, "resultof == 'detaching'").1
            ),
            (
                "unknown-event",
                where_is(&source, "interaction.delted").0,
                where_is(&source, "interaction.delted").1
            ),
        ]
    );
}
