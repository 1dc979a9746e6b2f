#ifndef NIANBAO_SYSTEM_H
#define NIANBAO_SYSTEM_H

#include <stddef.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success,
/// -1 with errno set otherwise (EINVAL or ENOSYS where the file system or kernel lacks it).
int nianbao_exchange_paths(const char *first, const char *second);

/// Whether `needle` occurs in `haystack` (glibc's memmem: two-way search with a vectorised scan).
/// Swift does not see memmem, which glibc declares only under _GNU_SOURCE.
int nianbao_contains_bytes(const unsigned char *haystack, size_t haystack_length,
                           const unsigned char *needle, size_t needle_length);

/// The offset of the first `needle` in `haystack` (glibc's memmem), or -1.
long nianbao_find_bytes(const unsigned char *haystack, size_t haystack_length,
                        const unsigned char *needle, size_t needle_length);

/// Copies up to `length` bytes from `source` at `*source_offset` to `target` at its file offset, inside
/// the kernel (Linux copy_file_range): no trip through user memory. Advances both offsets; returns the
/// bytes copied, 0 at the source's end, or -1 with errno set (ENOSYS, EXDEV, EINVAL: copy by hand).
long long nianbao_copy_range(int source, long long *source_offset, int target, size_t length);

/// Starts writing a file's dirty pages in [offset, offset + length) to disk without waiting (Linux
/// sync_file_range with SYNC_FILE_RANGE_WRITE), so that a later fsync has little left to wait for.
/// A hint: returns 0, or -1 with errno set; elsewhere does nothing.
int nianbao_start_writeback(int descriptor, long long offset, long long length);

#endif
