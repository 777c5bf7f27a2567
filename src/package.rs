//! The zip container of .docx and .xlsx files (an OOXML "package"): read one part out of an
//! archive held in memory, and write a package of parts.
//!
//! `rawzip` handles the archive structure (central directory, zip64, UTF-8 names) and
//! `miniz_oxide` the deflate data; this module adds the limits against zip bombs and a CRC
//! check on every part read. Deliberately no XML and no document semantics (see
//! `parse::docx`, `sync::xlsx_read`, `export::ooxml`), and no file system: bytes in, bytes out.

use rawzip::{CompressionMethod, ZipArchiveWriter, ZipVerification};

/// Why a part could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartError {
    /// The archive has no part of that name.
    Missing,
    /// The part inflates to more than the caller's limit (a zip bomb stops here).
    TooLarge,
    /// The part's data is damaged, truncated, or compressed in a way we do not read.
    Corrupt,
}

/// A zip archive read from bytes in memory.
pub struct Package<'a> {
    zip: rawzip::ZipSliceArchive<&'a [u8]>,
}

impl<'a> Package<'a> {
    /// Open an archive; `None` when the bytes are not a complete zip file.
    pub fn open(bytes: &'a [u8]) -> Option<Self> {
        let zip = rawzip::ZipArchive::from_slice(bytes).ok()?;
        Some(Self { zip })
    }

    /// How many entries the archive says it holds.
    pub fn len(&self) -> u64 {
        self.zip.entries_hint()
    }

    /// Whether the archive says it holds no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The inflated bytes of the part `name`, at most `limit` bytes, checked against the CRC
    /// and size the archive records for it.
    pub fn part(&self, name: &str, limit: u64) -> Result<Vec<u8>, PartError> {
        let mut entries = self.zip.entries();
        let (wayfinder, method) = loop {
            match entries.next_entry() {
                Ok(Some(e)) if e.file_path().as_bytes() == name.as_bytes() => {
                    break (e.wayfinder(), e.compression_method())
                }
                Ok(Some(_)) => {}
                Ok(None) => return Err(PartError::Missing),
                Err(_) => return Err(PartError::Corrupt),
            }
        };
        let entry = self
            .zip
            .get_entry(wayfinder)
            .map_err(|_| PartError::Corrupt)?;
        let claimed = entry.claim_verifier();
        if claimed.uncompressed_size > limit {
            return Err(PartError::TooLarge);
        }
        let max = usize::try_from(limit).unwrap_or(usize::MAX);
        let data = if method == CompressionMethod::STORE {
            entry.data().to_vec()
        } else if method == CompressionMethod::DEFLATE {
            miniz_oxide::inflate::decompress_to_vec_with_limit(entry.data(), max).map_err(|e| {
                match e.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => PartError::TooLarge,
                    _ => PartError::Corrupt,
                }
            })?
        } else {
            return Err(PartError::Corrupt);
        };
        let actual = ZipVerification {
            crc: crc32(&data),
            uncompressed_size: data.len() as u64,
        };
        claimed.valid(actual).map_err(|_| PartError::Corrupt)?;
        Ok(data)
    }
}

/// CRC-32 as zip uses it (IEEE, reflected), a byte at a time from a 1 KB table. rawzip's own
/// `crc32` slices by 16 with a 16 KB table: 15 KB of gzip in the wasm for a speed documents of
/// a few MB do not need.
pub fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
    })
}

/// Write a zip package of `(path, content)` parts, deflated, with a fixed timestamp
/// (1980-01-01, the earliest a zip can say) so the same content gives the same bytes.
pub fn write(parts: &[(&str, &[u8])]) -> Result<Vec<u8>, String> {
    let failed = |path: &str| format!("写入 {path} 失败");
    let mut zip = ZipArchiveWriter::new(Vec::new());
    let epoch = rawzip::time::UtcDateTime::from_unix(315_532_800);
    for (path, content) in parts {
        let deflated = miniz_oxide::deflate::compress_to_vec(content, 6);
        let (mut entry, _) = zip
            .new_file(*path)
            .compression_method(CompressionMethod::DEFLATE)
            .last_modified(epoch)
            .start()
            .map_err(|_| failed(path))?;
        std::io::Write::write_all(&mut entry, &deflated).map_err(|_| failed(path))?;
        let descriptor = rawzip::DataDescriptorOutput::new(crc32(content), content.len() as u64);
        entry.finish(descriptor).map_err(|_| failed(path))?;
    }
    zip.finish().map_err(|_| "打包失败".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_zips() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let data: Vec<u8> = (0..100_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(crc32(&data), rawzip::crc32(&data));
    }

    #[test]
    fn written_parts_read_back() {
        let big = "安全生产".repeat(5000);
        let bytes = write(&[("a.xml", b"<a/>"), ("dir/b.xml", big.as_bytes())]).unwrap();
        let p = Package::open(&bytes).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p.part("a.xml", 100).unwrap(), b"<a/>");
        assert_eq!(p.part("dir/b.xml", 1 << 20).unwrap(), big.as_bytes());
        assert_eq!(p.part("c.xml", 100), Err(PartError::Missing));
        assert_eq!(p.part("dir/b.xml", 1000), Err(PartError::TooLarge));
    }

    #[test]
    fn same_parts_give_same_bytes() {
        let parts: &[(&str, &[u8])] = &[("x", b"1"), ("y", b"2")];
        assert_eq!(write(parts).unwrap(), write(parts).unwrap());
    }

    #[test]
    fn damaged_data_is_reported_not_returned() {
        let text = "要点".repeat(100);
        let mut bytes = write(&[("a.xml", text.as_bytes())]).unwrap();
        assert!(Package::open(&bytes[..bytes.len() - 5]).is_none());
        // Flip a byte inside the deflated data (after the 30-byte header and the name).
        bytes[30 + 5 + 3] ^= 0x55;
        let p = Package::open(&bytes).unwrap();
        assert_eq!(p.part("a.xml", 1 << 20), Err(PartError::Corrupt));
    }
}
