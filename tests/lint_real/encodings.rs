//! Documents in the encodings their byte order mark or XML declaration names.

use ors_events::lint::{self, Options};

use super::where_is;
use crate::positions;

/// The transfer page of a Brazilian project, in ISO-8859-1, with an accented line before the
/// typo and accents before it on its line.
const TRANSFER: &str = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n\
<!-- Fluxo de transferência: ligação para o nível 2. -->\n\
<scxml version=\"1.0\" xmlns=\"http://www.w3.org/2005/07/scxml\" initial=\"transferência\">\n\
  <state id=\"transferência\">\n\
    <transition event=\"interaction.redirect.done\" cond=\"varSituação == 'ação' &amp;&amp; _event.data.requestd == pedido\" target=\"fim\"/>\n\
    <transition event=\"interation.partystatechanged\" target=\"fim\"/>\n\
  </state>\n\
  <final id=\"fim\"/>\n\
</scxml>\n";

#[test]
fn latin_1_file_with_a_typo_at_its_line_and_column() {
    let bytes: Vec<u8> = TRANSFER
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let findings = lint::lint_bytes(&bytes, &Options::new());
    let (line, column) = where_is(TRANSFER, "requestd");
    let (family_line, family_column) = where_is(TRANSFER, "interation");
    assert_eq!(
        positions(&findings),
        [
            ("unknown-attribute", line, column),
            ("unknown-family", family_line, family_column)
        ]
    );
    assert_eq!(findings[0].suggestion.as_deref(), Some("requestid"));
    // The same page in windows-1252, with a character ISO-8859-1 lacks (an en dash).
    let cp1252 = TRANSFER
        .replace("ISO-8859-1", "windows-1252")
        .replace("ligação para", "ligação – para");
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(&cp1252);
    assert!(!bad);
    assert_eq!(
        positions(&lint::lint_bytes(&bytes, &Options::new())),
        positions(&findings)
    );
}

#[test]
fn utf_16_both_ways() {
    let page = TRANSFER.replace("ISO-8859-1", "UTF-16");
    let mut little = vec![0xFF, 0xFE];
    let mut big = vec![0xFE, 0xFF];
    for unit in page.encode_utf16() {
        little.extend(unit.to_le_bytes());
        big.extend(unit.to_be_bytes());
    }
    let expected = positions(&lint::lint(&page, &Options::new()));
    assert_eq!(expected.len(), 2);
    assert_eq!(
        positions(&lint::lint_bytes(&little, &Options::new())),
        expected
    );
    assert_eq!(
        positions(&lint::lint_bytes(&big, &Options::new())),
        expected
    );
    // A lone surrogate: located where the text stops being UTF-16.
    let mut broken = little.clone();
    let at = 2 + 2 * page
        .encode_utf16()
        .take_while(|u| *u != u16::from(b'<'))
        .count();
    broken.splice(at..at, [0x00, 0xD8, 0x41, 0x00]);
    let findings = lint::lint_bytes(&broken, &Options::new());
    assert_eq!(findings[0].code, "malformed-xml");
    assert!(
        findings[0].message.starts_with("not UTF-16LE"),
        "{}",
        findings[0].message
    );
}

#[test]
fn unknown_or_wrong_encodings_are_malformed() {
    let unknown = b"<?xml version=\"1.0\" encoding=\"EBCDIC-XYZ\"?><scxml/>";
    let findings = lint::lint_bytes(unknown, &Options::new());
    assert_eq!(positions(&findings), [("malformed-xml", 1, 1)]);
    assert!(findings[0].message.contains("`EBCDIC-XYZ`"));
    // Declared UTF-8, written in Latin-1: at the first bad byte.
    let bytes = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scxml name=\"Transfer\xEAncia\"/>";
    assert_eq!(
        positions(&lint::lint_bytes(bytes, &Options::new())),
        [("malformed-xml", 2, 22)]
    );
}
