//! The series checks (`SERIES-CARRY`, `SERIES-IN-FORCE`) across the files of a run:
//! reports grouped by the agency they name, compared year N−1 against year N. Only a
//! small summary of each report is kept; the reports of one agency are read again two
//! consecutive years at a time, so memory does not grow with the number of files.

use zfxxgk::validate::{validate_series, Finding};
use zfxxgk::Report;

/// A report of the run, for the series checks.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dated {
    /// The agency the report names.
    pub agency: String,
    /// The year it covers.
    pub year: u16,
    /// Its input's index in the run.
    pub index: usize,
}

/// The groups of one agency's reports with two or more years, each sorted by year then
/// input (`dated` is sorted in place).
pub fn groups(dated: &mut [Dated]) -> Vec<&[Dated]> {
    dated.sort();
    dated
        .chunk_by(|a, b| a.agency == b.agency)
        .filter(|g| g.len() > 1)
        .collect()
}

/// A series finding about input `index` (year N), against `previous` (year N−1).
pub struct SeriesFinding<'a, T> {
    /// The year-N input and what `load` gave for it.
    pub index: usize,
    pub report: &'a Report,
    pub extra: &'a T,
    /// The year-N−1 input.
    pub previous: usize,
    pub finding: Finding,
}

/// Run the series rules over one agency's `group` (from [`groups`]): each report of
/// year N against each report of year N−1, with `load` reading an input again
/// (`None`: it cannot be read any more, and is left out).
pub fn check_group<T, L, E>(group: &[Dated], load: L, mut emit: E)
where
    L: Fn(usize) -> Option<(Report, T)>,
    E: FnMut(SeriesFinding<'_, T>),
{
    let mut previous: Vec<(usize, Report, T)> = Vec::new();
    let mut previous_year: Option<u16> = None;
    let mut rest = group;
    while let Some(first) = rest.first() {
        let year = first.year;
        let n = rest.iter().take_while(|d| d.year == year).count();
        let (same_year, after) = rest.split_at(n);
        rest = after;
        let follows = previous_year.and_then(|y| y.checked_add(1)) == Some(year);
        let followed = rest.first().map(|d| d.year) == year.checked_add(1);
        if !follows && !followed {
            // Neither the year before nor the year after is in the set.
            previous.clear();
            previous_year = None;
            continue;
        }
        let current: Vec<(usize, Report, T)> = same_year
            .iter()
            .filter_map(|d| load(d.index).map(|(r, t)| (d.index, r, t)))
            .collect();
        if follows {
            for (index, report, extra) in &current {
                for (prev_index, prev, _) in &previous {
                    let pair = [prev.clone(), report.clone()];
                    for finding in validate_series(&pair) {
                        emit(SeriesFinding {
                            index: *index,
                            report,
                            extra,
                            previous: *prev_index,
                            finding,
                        });
                    }
                }
            }
        }
        previous = current;
        previous_year = Some(year);
    }
}
