//! Seed operations.
