//! Pre-2019 reports: figures stated in prose. (Placeholder.)

use super::sections::SectionSlice;
use super::tables::Sink;
use crate::model::legacy::LegacyFigures;

/// Sections of a pre-2019 report (headings may stand inside long lines).
pub fn sections(_text: &str, found: Vec<SectionSlice>) -> Vec<SectionSlice> {
    found
}

/// Read the figures of a pre-2019 report.
pub fn figures(_text: &str, _sections: &[SectionSlice], _sink: &mut Sink<'_>) -> LegacyFigures {
    LegacyFigures::default()
}
