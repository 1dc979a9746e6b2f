#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "nianbao_system.h"

long long nianbao_copy_range(int source, long long *source_offset, int target, size_t length) {
#if defined(__linux__)
    off_t offset = (off_t)*source_offset;
    ssize_t copied = copy_file_range(source, &offset, target, NULL, length, 0);
    *source_offset = (long long)offset;
    return (long long)copied;
#else
    (void)source; (void)source_offset; (void)target; (void)length;
    errno = ENOSYS;
    return -1;
#endif
}

int nianbao_start_writeback(int descriptor, long long offset, long long length) {
#if defined(__linux__)
    return sync_file_range(descriptor, (off_t)offset, (off_t)length, SYNC_FILE_RANGE_WRITE);
#else
    (void)descriptor; (void)offset; (void)length;
    return 0;
#endif
}
