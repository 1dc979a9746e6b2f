#define _GNU_SOURCE
#include <errno.h>
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
