//! The one integration test binary of akhbar; each module is an area.
