import CSystemShims

/// How a batch run asks glibc's allocator to behave. A report's encoded rows are a few hundred KB;
/// by default glibc maps such blocks fresh and unmaps them on free, so every report pays page
/// faults and zeroing for them again (about 12,000 faults per 200 pages, 5–7% of a run's time).
/// Served from the heap and kept there, the same memory is reused report after report; peak memory
/// does not grow, since it is the peak that is kept.
public enum AllocatorTuning {
    /// Blocks up to 32 MiB come from the heap; freed memory is trimmed only past 256 MiB.
    /// Process-wide, so the command line calls it, not the library.
    @discardableResult
    public static func keepFreedMemoryForReuse() -> Bool {
        nianbao_keep_freed_memory(32 << 20, 256 << 20) == 1
    }
}
