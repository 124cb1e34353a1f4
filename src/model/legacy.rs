//! Figures stated in the prose of pre-2019 reports.
//!
//! (Placeholder: filled in by the pre-2019 grammar.)

use serde::{Deserialize, Serialize};

/// Figures read from a pre-2019 report's prose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyFigures {}

impl LegacyFigures {
    /// The figures as tidy records (see the crate's documented keys for pre-2019 reports).
    pub fn records<'r>(
        &'r self,
        _report: &'r crate::model::report::Report,
    ) -> impl Iterator<Item = crate::output::TidyRecord<'r>> + 'r {
        std::iter::empty()
    }
}
