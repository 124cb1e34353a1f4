//! The typed model: what a parsed report holds. Free of parser types.

pub mod cell;
pub mod legacy;
mod lines;
pub mod report;
pub mod tables;
pub mod warning;

pub use cell::{Cell, Decimal, Placement, Value};
pub use legacy::{Figure, LegacyFigures, LegacyKey};
pub use report::{Date, InputFormat, Located, Metadata, Report, Section, Source, Tables};
pub use tables::{
    ActiveDisclosure, ActiveDisclosure2019, ActiveDisclosure2021, Appeals, Applicants, Outcomes,
    Requests,
};
pub use warning::{NotPlacedValue, StatedFigure, UnusedValue, Warning, WarningKind};
