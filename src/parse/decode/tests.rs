//! Decoding tests: what is text is read (with warnings), only what is not text is refused.

use super::*;

fn no_gb(_: &[u8]) -> Option<String> {
    None
}

fn gb(bytes: &[u8]) -> Option<String> {
    let (t, _, bad) = encoding_rs::GB18030.decode(bytes);
    (!bad).then(|| t.into_owned())
}

const DOC: &str = "一、总体要求\n（一）强化责任落实\n1．推行“333”工作策略。（责任单位：应急局）\n";

#[test]
fn utf8_and_utf16() {
    assert_eq!(
        decode("一、总体要求".as_bytes(), &no_gb).as_deref(),
        Some("一、总体要求")
    );
    let mut le = vec![0xFF, 0xFE];
    for u in "一、".encode_utf16() {
        le.extend(u.to_le_bytes());
    }
    assert_eq!(decode(&le, &no_gb).as_deref(), Some("一、"));
}

#[test]
fn utf16_without_bom_is_detected() {
    for le in [true, false] {
        let bytes: Vec<u8> = DOC
            .encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect();
        let d = decode_report(&bytes, &gb).expect("UTF-16 is text");
        assert_eq!(d.text, DOC);
        assert!(d.warnings[0].contains("UTF-16"), "{:?}", d.warnings);
    }
}

#[test]
fn a_stray_byte_is_replaced_with_a_warning() {
    let mut bytes = DOC.as_bytes().to_vec();
    bytes[7] = 0xFF; // one byte of 总 damaged
    let d = decode_report(&bytes, &gb).expect("one bad byte does not refuse the file");
    assert!(d.text.contains("\u{fffd}"));
    assert!(d.text.contains("强化责任落实"), "{}", d.text);
    assert!(
        d.warnings.iter().any(|w| w.contains("第 1 行")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn a_nul_is_removed_with_a_warning() {
    let text = format!("{DOC}{}\0尾", "二、主要任务\n".repeat(20));
    let d = decode_report(text.as_bytes(), &gb).expect("one NUL does not refuse the file");
    assert!(!d.text.contains('\0'));
    assert!(d.text.ends_with("尾"));
    assert!(d.warnings.iter().any(|w| w.contains("NUL")));
}

#[test]
fn mixed_utf8_and_gbk_lines_are_read_line_by_line() {
    let (gbk, _, _) = encoding_rs::GB18030.encode("（二）加强隐患排查治理\n");
    let mut bytes = DOC.as_bytes().to_vec();
    bytes.extend_from_slice(&gbk);
    bytes.extend_from_slice("三、保障措施\n".as_bytes());
    let d = decode_report(&bytes, &gb).expect("mixed encodings are text");
    assert_eq!(
        d.text,
        format!("{DOC}（二）加强隐患排查治理\n三、保障措施\n")
    );
    assert!(d
        .warnings
        .iter()
        .any(|w| w.contains("GBK") && w.contains("第 4 行")));
}

#[test]
fn gbk_alone_reads_without_a_warning() {
    let (bytes, _, _) = encoding_rs::GB18030.encode(DOC);
    let d = decode_report(&bytes, &gb).unwrap();
    assert_eq!(d.text, DOC);
    assert!(d.warnings.is_empty());
}

#[test]
fn junk_is_refused() {
    assert_eq!(decode(&[0, 1, 2, 3, 0xff, 0xfe, 0], &no_gb), None);
    // An old .doc (OLE compound file) is not text.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(std::iter::repeat_n(0u8, 500));
    ole.extend((0..=255u8).cycle().take(2000));
    assert_eq!(decode(&ole, &gb), None);
    let gb_like = [0xd2, 0xbb, 0xa1, 0xa2];
    assert_eq!(
        decode(&gb_like, &|_| Some("一、".into())).as_deref(),
        Some("一、")
    );
}
