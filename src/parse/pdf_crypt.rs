//! Permission-only PDFs: files encrypted by the standard security handler with an empty user
//! (open) password, which every reader opens without asking; only an owner password limits
//! printing or copying. Government sites publish many such files.
//!
//! Owns the key from the empty password (PDF 32000 §7.6.3–7.6.4: RC4 40–128 bit, R2–R4;
//! AES-128 V4 `AESV2`; AES-256 V5 `AESV3`, R5 and R6) and the decryption of one object's
//! strings and streams. Deliberately asks for no password: a file that needs one to open is
//! refused with a Chinese reason (`Err`), as are other security handlers (certificates, DRM).

use super::pdf::Obj;
use aes::cipher::{block_padding, BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use md5::{Digest, Md5};
use std::collections::HashMap;

/// The password padding of Algorithm 2.
const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

pub const NEEDS_PASSWORD: &str = "文件已加密并设有打开密码，无法读取文字。请在 PDF 阅读器中输入密码打开后另存为不加密的 PDF，或向发文单位索取 Word 版";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    None,
    Rc4,
    Aes128,
    Aes256,
}

/// The file key and the method of streams and of strings.
#[derive(Debug, Clone)]
pub struct Crypt {
    key: Vec<u8>,
    streams: Method,
    strings: Method,
}

fn num(d: &HashMap<String, Obj>, k: &str) -> Option<i64> {
    d.get(k).and_then(Obj::num).map(|n| n as i64)
}

fn bytes<'a>(d: &'a HashMap<String, Obj>, k: &str) -> &'a [u8] {
    match d.get(k) {
        Some(Obj::Str(s)) => s,
        _ => &[],
    }
}

/// RC4 with a key of 1–16 bytes (the crate fixes the key size in the type).
fn rc4(key: &[u8], data: &mut [u8]) {
    use rc4::consts::*;
    use rc4::{KeyInit, StreamCipher};
    macro_rules! run {
        ($($n:literal => $t:ty),*) => {
            match key.len() {
                $($n => {
                    if let Ok(mut c) = rc4::Rc4::<$t>::new_from_slice(key) {
                        c.apply_keystream(data);
                    }
                })*
                _ => {}
            }
        };
    }
    run!(1 => U1, 2 => U2, 3 => U3, 4 => U4, 5 => U5, 6 => U6, 7 => U7, 8 => U8, 9 => U9,
        10 => U10, 11 => U11, 12 => U12, 13 => U13, 14 => U14, 15 => U15, 16 => U16);
}

fn md5(parts: &[&[u8]]) -> [u8; 16] {
    let mut h = Md5::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

/// AES-CBC decryption of `iv ‖ data` with PKCS#7 padding; None when it does not decrypt.
fn aes_cbc_decrypt(key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    if data.len() < 32 || !data.len().is_multiple_of(16) {
        return None;
    }
    let (iv, body) = data.split_at(16);
    let mut buf = body.to_vec();
    let n = match key.len() {
        16 => cbc::Decryptor::<aes::Aes128>::new_from_slices(key, iv)
            .ok()?
            .decrypt_padded_mut::<block_padding::Pkcs7>(&mut buf)
            .ok()?
            .len(),
        32 => cbc::Decryptor::<aes::Aes256>::new_from_slices(key, iv)
            .ok()?
            .decrypt_padded_mut::<block_padding::Pkcs7>(&mut buf)
            .ok()?
            .len(),
        _ => return None,
    };
    buf.truncate(n);
    Some(buf)
}

/// Algorithm 2.B (R6): the hardened SHA-2 hash of a password with a salt.
fn hash_r6(password: &[u8], salt: &[u8], udata: &[u8]) -> [u8; 32] {
    use sha2::{Sha256, Sha384, Sha512};
    let mut k: Vec<u8> = Sha256::digest([password, salt, udata].concat()).to_vec();
    let mut round = 0u32;
    loop {
        let k1: Vec<u8> = [password, &k[..], udata].concat().repeat(64);
        let mut e = k1.clone();
        let Ok(enc) = cbc::Encryptor::<aes::Aes128>::new_from_slices(&k[..16], &k[16..32]) else {
            break;
        };
        if enc
            .encrypt_padded_mut::<block_padding::NoPadding>(&mut e, k1.len())
            .is_err()
        {
            break;
        }
        let m = e[..16].iter().map(|b| u32::from(*b)).sum::<u32>() % 3;
        k = match m {
            0 => Sha256::digest(&e).to_vec(),
            1 => Sha384::digest(&e).to_vec(),
            _ => Sha512::digest(&e).to_vec(),
        };
        round += 1;
        let last = u32::from(*e.last().unwrap_or(&0));
        if round >= 64 && last + 32 <= round {
            break;
        }
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(&k[..32]);
    out
}

impl Crypt {
    /// The key from the empty user password, or the reason the file cannot be read.
    pub fn new(enc: &HashMap<String, Obj>, id0: &[u8]) -> Result<Crypt, String> {
        if enc.get("Filter").and_then(Obj::name) != Some("Standard") {
            return Err(
                "文件用证书或专用软件加密，无法读取文字。请向发文单位索取未加密的文件或 Word 版"
                    .into(),
            );
        }
        let v = num(enc, "V").unwrap_or(0);
        let r = num(enc, "R").unwrap_or(0);
        let (o, u) = (bytes(enc, "O"), bytes(enc, "U"));
        // The method a crypt filter names (V4/V5): /StmF and /StrF in /CF.
        let filter = |key: &str| -> Method {
            let name = enc.get(key).and_then(Obj::name).unwrap_or("Identity");
            if name == "Identity" {
                return Method::None;
            }
            let cfm = match enc.get("CF") {
                Some(Obj::Dict(cf)) => match cf.get(name) {
                    Some(Obj::Dict(f)) => f.get("CFM").and_then(Obj::name).unwrap_or("None"),
                    _ => "None",
                },
                _ => "None",
            };
            match cfm {
                "V2" => Method::Rc4,
                "AESV2" => Method::Aes128,
                "AESV3" => Method::Aes256,
                _ => Method::None,
            }
        };
        if v >= 5 {
            // AES-256: U = hash ‖ validation salt ‖ key salt; UE holds the file key.
            let ue = bytes(enc, "UE");
            if u.len() < 48 || ue.len() < 32 {
                return Err(NEEDS_PASSWORD.into());
            }
            let hash = |salt: &[u8]| -> [u8; 32] {
                if r >= 6 {
                    hash_r6(b"", salt, b"")
                } else {
                    sha2::Sha256::digest(salt).into()
                }
            };
            if hash(&u[32..40]) != u[..32] {
                return Err(NEEDS_PASSWORD.into());
            }
            let ik = hash(&u[40..48]);
            let mut key = ue[..32].to_vec();
            let dec = cbc::Decryptor::<aes::Aes256>::new_from_slices(&ik, &[0u8; 16])
                .map_err(|_| NEEDS_PASSWORD.to_string())?;
            dec.decrypt_padded_mut::<block_padding::NoPadding>(&mut key)
                .map_err(|_| NEEDS_PASSWORD.to_string())?;
            return Ok(Crypt {
                key,
                streams: filter("StmF"),
                strings: filter("StrF"),
            });
        }
        if !(1..=4).contains(&v) || !(2..=4).contains(&r) || o.len() < 32 || u.len() < 32 {
            return Err("文件的加密方式无法识别，无法读取文字。请在 PDF 阅读器中取消保护后另存，或向发文单位索取 Word 版".into());
        }
        let bits = num(enc, "Length").unwrap_or(if v >= 4 { 128 } else { 40 });
        let n = if r == 2 {
            5
        } else {
            (bits / 8).clamp(5, 16) as usize
        };
        let p = (num(enc, "P").unwrap_or(0) as i32).to_le_bytes();
        let no_meta = r >= 4 && matches!(enc.get("EncryptMetadata"), Some(Obj::Bool(false)));
        let meta: &[u8] = if no_meta { &[0xFF; 4] } else { &[] };
        let mut hash = md5(&[&PAD, &o[..32], &p, id0, meta]);
        if r >= 3 {
            for _ in 0..50 {
                hash = md5(&[&hash[..n]]);
            }
        }
        let key = hash[..n].to_vec();
        // Algorithms 4 and 5: the empty password opens the file if U is what it gives.
        let ok = if r == 2 {
            let mut x = PAD;
            rc4(&key, &mut x);
            x[..] == u[..32]
        } else {
            let mut x = md5(&[&PAD, id0]);
            rc4(&key, &mut x);
            for i in 1..=19u8 {
                let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
                rc4(&k, &mut x);
            }
            x[..] == u[..16]
        };
        if !ok {
            return Err(NEEDS_PASSWORD.into());
        }
        let (streams, strings) = if v == 4 {
            (filter("StmF"), filter("StrF"))
        } else {
            (Method::Rc4, Method::Rc4)
        };
        Ok(Crypt {
            key,
            streams,
            strings,
        })
    }

    fn decrypt(&self, method: Method, num: u32, gen: u16, data: &[u8]) -> Vec<u8> {
        let object_key = |salt: &[u8]| {
            let n = &num.to_le_bytes()[..3];
            let g = gen.to_le_bytes();
            let h = md5(&[&self.key, n, &g, salt]);
            h[..(self.key.len() + 5).min(16)].to_vec()
        };
        match method {
            Method::None => data.to_vec(),
            Method::Rc4 => {
                let mut out = data.to_vec();
                rc4(&object_key(b""), &mut out);
                out
            }
            Method::Aes128 => aes_cbc_decrypt(&object_key(b"sAlT"), data).unwrap_or_default(),
            Method::Aes256 => aes_cbc_decrypt(&self.key, data).unwrap_or_default(),
        }
    }

    /// Decrypt one object in place: its strings, and its data if it is a stream (not the
    /// cross-reference stream, which is never encrypted).
    pub fn object(&self, num: u32, gen: u16, obj: &mut Obj) {
        if let Obj::Stream(d, data) = obj {
            if d.get("Type").and_then(Obj::name) != Some("XRef") {
                *data = self.decrypt(self.streams, num, gen, data);
            }
        }
        self.strings_in(num, gen, obj, 0);
    }

    fn strings_in(&self, num: u32, gen: u16, obj: &mut Obj, depth: usize) {
        if depth > 64 {
            return;
        }
        match obj {
            Obj::Str(s) => *s = self.decrypt(self.strings, num, gen, s),
            Obj::Array(a) => a
                .iter_mut()
                .for_each(|o| self.strings_in(num, gen, o, depth + 1)),
            Obj::Dict(d) | Obj::Stream(d, _) => d
                .values_mut()
                .for_each(|o| self.strings_in(num, gen, o, depth + 1)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_known_answer() {
        // RFC 6229-style check: key "Key", plaintext "Plaintext" (Wikipedia's test vector).
        let mut d = *b"Plaintext";
        rc4(b"Key", &mut d);
        assert_eq!(d, [0xBB, 0xF3, 0x16, 0xE8, 0xD9, 0x40, 0xAF, 0x0A, 0xD3]);
    }

    #[test]
    fn other_handlers_and_passwords_are_refused() {
        let mut d = HashMap::new();
        d.insert("Filter".to_string(), Obj::Name("Adobe.PubSec".into()));
        assert!(Crypt::new(&d, b"").unwrap_err().contains("证书"));
        d.insert("Filter".to_string(), Obj::Name("Standard".into()));
        d.insert("V".to_string(), Obj::Num(2.0));
        d.insert("R".to_string(), Obj::Num(3.0));
        d.insert("O".to_string(), Obj::Str(vec![1; 32]));
        d.insert("U".to_string(), Obj::Str(vec![2; 32]));
        assert_eq!(Crypt::new(&d, b"id").unwrap_err(), NEEDS_PASSWORD);
    }
}
