//! Bytes to text: byte-order marks, UTF-8, legacy single-byte text, and refusing files
//! that are not text at all.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Text decoded from a file, and the encoding it was in when that was not plain UTF-8.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with a byte-order mark removed.
    pub text: String,
    /// The encoding, when it was not plain UTF-8 ("UTF-16LE", "windows-1252", "UTF-8
    /// with 2 invalid bytes replaced").
    pub encoding: Option<String>,
}

/// File signatures of common binary formats, to say what a mislabelled file really is.
const SIGNATURES: [(&[u8], &str); 8] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a Word or OpenDocument file)",
    ),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"),
];

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub struct NotText {
    /// What the bytes look like instead ("a PNG image", "binary data").
    pub looks_like: &'static str,
}

/// Decodes a file's bytes as text: by its byte-order mark when it has one (UTF-8,
/// UTF-16), as UTF-8 when it is valid UTF-8, and otherwise as Windows-1252, the
/// superset of Latin-1 that legacy newsroom and word-processor exports use.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: (encoding != UTF_8).then(|| encoding.name().to_owned()),
        });
    }
    if let Some((_, looks_like)) = SIGNATURES
        .iter()
        .find(|(signature, _)| bytes.starts_with(signature))
    {
        return Err(NotText { looks_like });
    }
    if looks_binary(bytes) {
        return Err(NotText {
            looks_like: "binary data",
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: None,
        });
    }
    // UTF-8 text with a few damaged bytes stays UTF-8 (the damage replaced and
    // reported); reading it all as Windows-1252 would garble every accent and quote.
    let (mut invalid_bytes, mut non_ascii_chars) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        invalid_bytes += chunk.invalid().len();
        non_ascii_chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
    }
    if non_ascii_chars >= 4 * invalid_bytes {
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: Some(format!(
                "UTF-8 with {invalid_bytes} invalid byte(s) replaced"
            )),
        });
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: Some(WINDOWS_1252.name().to_owned()),
    })
}

/// Whether bytes hold NULs or many control characters, which text never does.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    sample.contains(&0) || controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        let plain = decode("Tallmannis – AFP".as_bytes()).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding),
            ("Tallmannis – AFP", None)
        );
        let marked = decode(b"\xef\xbb\xbfAMMAN").unwrap();
        assert_eq!((marked.text.as_str(), marked.encoding), ("AMMAN", None));
    }

    #[test]
    fn utf8_with_a_damaged_byte_stays_utf8() {
        let mut bytes = "“The flow” – said Younis in Ma’arat, Syria’s north “today”"
            .as_bytes()
            .to_vec();
        bytes.push(0xff);
        let decoded = decode(&bytes).unwrap();
        assert!(decoded.text.starts_with("“The flow” – said Younis"));
        assert!(decoded.text.ends_with('\u{fffd}'));
        assert_eq!(
            decoded.encoding.as_deref(),
            Some("UTF-8 with 1 invalid byte(s) replaced")
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("Younis “said”".encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "Younis “said”");
        assert_eq!(decoded.encoding.as_deref(), Some("UTF-16LE"));
    }

    #[test]
    fn legacy_single_byte_text_is_read_as_windows_1252() {
        let decoded = decode(b"Caf\xe9 owner said \x93no\x94 \x96 AFP").unwrap();
        assert_eq!(decoded.text, "Café owner said “no” – AFP");
        assert_eq!(decoded.encoding.as_deref(), Some("windows-1252"));
    }

    #[test]
    fn binary_files_are_named_for_what_they_are() {
        let png = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(png.looks_like, "a PNG image");
        let noise = decode(&[1, 2, 3, 4, 5, 6, 7, 8, b'a']).unwrap_err();
        assert_eq!(noise.looks_like, "binary data");
    }
}
