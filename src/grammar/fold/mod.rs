//! One fold per table: the events of a table (see [`super::events`]) folded into its
//! rows as read ([`t2::read`], [`t3::read`], [`t4::read`]: a row label and the fields
//! that follow it, captions and headers, stray values reported), then, once the
//! edition is known, the rows fitted to the edition's grid ([`t2::grid`],
//! [`t3::grid`], [`t4::grid`]), which the edition's facts
//! ([`super::facts::EditionFacts`]) describe.
//!
//! A value is placed by its row label and its field's slot in the row, or, in
//! space-aligned text, by its column position ([`super::positions`]); a row that
//! cannot say which of its cells it lost places nothing (see
//! [`super::tables::fit`]).

pub mod t2;
pub mod t3;
pub mod t4;

use super::events::{Labels, TableEvent};
use super::tables::{Field, RawRow};
use crate::lex::Token;

/// Values read before a row label (or outside any row).
type Loose<'t, 'a> = Vec<Field<'t, 'a>>;

/// The events that are a row's cells, as tables 二 and 三 take them: a value goes to
/// the current row (or the loose values before any), text that stands in the current
/// row's fields is an unreadable cell of it. Every other event is given back.
fn take_cell<'t, 'a, R, L: Labels>(
    current: &mut Option<RawRow<'t, 'a, R>>,
    loose: &mut Loose<'t, 'a>,
    event: TableEvent<'t, 'a, L>,
) -> Option<TableEvent<'t, 'a, L>> {
    match event {
        TableEvent::Value(tok) => match current.as_mut() {
            Some(r) => r.push(Field::of(tok)),
            None => loose.push(Field::of(tok)),
        },
        TableEvent::Text {
            token,
            fragment: false,
        } if current.as_ref().is_some_and(|r| r.takes_text(token)) => {
            if let Some(r) = current.as_mut() {
                r.push_text(token);
            }
        }
        other => return Some(other),
    }
    None
}

/// The text before a stray value that is no template label, reported with it.
type Unknown<'t, 'a> = Option<&'t Token<'a>>;

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers of the folds' tests.

    use crate::model::warning::WarningKind;
    use crate::normalize::{normalize, NormalizeOptions, Normalized};

    /// A text normalized as the parser does.
    pub fn norm(text: &str) -> Normalized {
        normalize(text, &NormalizeOptions::default())
    }

    /// The warnings' kinds by name (`StrayValue`, `UnreadableCell`, …).
    pub fn kinds(warnings: &[crate::model::warning::Warning]) -> Vec<&'static str> {
        warnings
            .iter()
            .map(|w| match &w.kind {
                WarningKind::StrayValue { .. } => "StrayValue",
                WarningKind::UnknownRow { .. } => "UnknownRow",
                WarningKind::UnreadableCell { .. } => "UnreadableCell",
                WarningKind::ExtraCell { .. } => "ExtraCell",
                WarningKind::MissingCell { .. } => "MissingCell",
                WarningKind::MissingRow { .. } => "MissingRow",
                WarningKind::Misaligned { .. } => "Misaligned",
                WarningKind::DuplicateRow { .. } => "DuplicateRow",
                WarningKind::FuzzyLabel { .. } => "FuzzyLabel",
                WarningKind::TruncatedHeader { .. } => "TruncatedHeader",
                _ => "other",
            })
            .collect()
    }
}
