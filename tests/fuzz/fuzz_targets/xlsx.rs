//! Fuzz the .xlsx reader (feedback replies): any bytes, with or without a zip around them,
//! read to sheets or give an error, never panic and never allocate beyond the file's size.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = yaodian::sync::xlsx_read::read_sheets(bytes);
    // The same bytes as the one sheet of a well-formed package, to reach the XML reader.
    let parts: [(&str, &[u8]); 3] = [
        ("xl/workbook.xml", b"<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", b"<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ("xl/worksheets/sheet1.xml", bytes),
    ];
    if let Ok(zip) = yaodian::package::write(&parts) {
        let _ = yaodian::sync::xlsx_read::read_sheets(&zip);
    }
});
