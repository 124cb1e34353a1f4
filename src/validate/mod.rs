//! Validation: the template arithmetic and structure checks (in progress).
