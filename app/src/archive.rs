//! ZIP archives for downloads that bundle several files (a session's
//! attendance sheets, its certificates): one writer, so every bundle is
//! deflated the same way.

#![cfg(feature = "ssr")]

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::error::AppError;

/// A ZIP of `files` (name, bytes), deflated.
pub fn zip_files(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, AppError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options)
            .map_err(AppError::internal)?;
        zip.write_all(bytes).map_err(AppError::internal)?;
    }
    let cursor = zip.finish().map_err(AppError::internal)?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn the_archive_holds_each_file_intact() {
        let files = vec![
            (
                "emargement-session-7.pdf".to_owned(),
                b"%PDF-1.7 fake".to_vec(),
            ),
            (
                "emargement-session-7.csv".to_owned(),
                "Personne,Statut\nÉlise,Présent·e\n".as_bytes().to_vec(),
            ),
        ];
        let bytes = zip_files(&files).expect("zip");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("archive");
        assert_eq!(archive.len(), 2);
        for (name, content) in &files {
            let mut entry = archive.by_name(name).expect("entry");
            let mut read = Vec::new();
            entry.read_to_end(&mut read).expect("read");
            assert_eq!(&read, content);
        }
    }
}
