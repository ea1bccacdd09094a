//! Who runs Relais, as the documents and emails it sends name it: the CLSM
//! of Metz, carried by the Centre hospitalier de Jury. One place, so a
//! certificate, an attendance sheet, a report and an email never disagree.

macro_rules! name {
    () => {
        "Conseil local de santé mentale de Metz"
    };
}

macro_rules! carrier {
    () => {
        "Centre hospitalier de Jury"
    };
}

/// The CLSM's name, as emails sign it.
pub const NAME: &str = name!();
/// Its name with the acronym, as certificates and reports print it.
pub const FORMAL_NAME: &str = "Conseil local de santé mentale (CLSM) de Metz";
/// The CLSM and its carrier, at the top of an attendance sheet.
pub const NAME_AND_CARRIER: &str = concat!(name!(), " — ", carrier!());
/// Who carries the CLSM (DOMAIN.md), under its formal name.
pub const CARRIER: &str = concat!("porté par le ", carrier!());
/// Where documents are issued (« Fait à Metz »).
pub const CITY: &str = "Metz";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_read_as_printed_so_far() {
        assert_eq!(
            NAME_AND_CARRIER,
            "Conseil local de santé mentale de Metz — Centre hospitalier de Jury"
        );
        assert_eq!(CARRIER, "porté par le Centre hospitalier de Jury");
    }
}
