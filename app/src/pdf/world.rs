//! The smallest Typst `World` that compiles one template: the standard
//! library, the bundled fonts (parsed once per process), the template as the
//! only source file and the data as the only other file, `data.json`. Nothing
//! is read from disk or the network: any other path is « not found ».

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::template::Template;

/// Where the template finds its data.
const DATA_PATH: &str = "/data.json";

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A file id in the project root. File ids are interned for the life of
/// the process, so only fixed names (templates, `data.json`) go through here.
fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

pub struct SheetWorld {
    main: Source,
    data_id: Option<FileId>,
    data: Bytes,
}

impl SheetWorld {
    pub fn new(template: Template, data: Vec<u8>) -> Self {
        let main_id = file_id(&format!("/{}", template.name))
            .or_else(|| file_id("/main.typ"))
            .unwrap_or_else(|| Source::detached("").id());
        SheetWorld {
            main: Source::new(main_id, template.source.to_owned()),
            data_id: file_id(DATA_PATH),
            data: Bytes::new(data),
        }
    }
}

impl World for SheetWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if Some(id) == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// Documents carry their dates in their data: `datetime.today()` is refused.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
