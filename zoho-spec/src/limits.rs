//! How much Zoho takes in one call.

/// Records in the `data` array of one insert, update, upsert or related-records call.
pub const MAX_RECORDS_PER_CALL: usize = 100;

/// Ids in one mass update by ids (`ids` beside `data`), answered one outcome per id.
pub const MAX_TARGETS_PER_CALL: usize = 500;

/// Records per page of a list, search or related-records read (`per_page`).
pub const MAX_PER_PAGE: usize = 200;

/// Records reachable with `page` alone; past them Zoho answers
/// `DISCRETE_PAGINATION_LIMIT_EXCEEDED` and `page_token` must be used.
pub const MAX_PAGE_RECORDS: usize = 2_000;

/// The largest file one attachment may be (`POST /{module}/{id}/Attachments`, a record photo, a
/// file of `POST /files`): Zoho's 20 MB, read as MiB.
pub const MAX_ATTACHMENT_BYTES: u64 = 20 * 1024 * 1024;

/// The largest zip of CSV files a bulk write may upload: Zoho's 25 MB, read as MiB.
pub const MAX_BULK_WRITE_ZIP_BYTES: u64 = 25 * 1024 * 1024;

/// The most records one bulk write job takes from its CSV file.
pub const MAX_BULK_WRITE_RECORDS: usize = 25_000;

/// The most records one bulk read job reads (one page of its result).
pub const MAX_BULK_READ_RECORDS: usize = 200_000;

/// Which list of an endpoint is split when a call carries more items than Zoho takes at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BatchAxis {
    /// A `#[zoho(records)]` field: the `data` array.
    Records,
    /// A `#[zoho(targets)]` field: the ids a call acts on (mass update's `ids`).
    Targets,
}

impl BatchAxis {
    /// How many items Zoho takes in one call along this axis.
    pub const fn limit(self) -> usize {
        match self {
            BatchAxis::Records => MAX_RECORDS_PER_CALL,
            BatchAxis::Targets => MAX_TARGETS_PER_CALL,
        }
    }

    /// What the items are called in a message: `records`, `ids`.
    pub const fn items(self) -> &'static str {
        match self {
            BatchAxis::Records => "records",
            BatchAxis::Targets => "ids",
        }
    }

    /// The name of the axis' variant, for code that names it: `Records`.
    pub const fn variant(self) -> &'static str {
        match self {
            BatchAxis::Records => "Records",
            BatchAxis::Targets => "Targets",
        }
    }
}
