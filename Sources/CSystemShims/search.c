#define _GNU_SOURCE
#include <string.h>
#include "nianbao_system.h"

int nianbao_contains_bytes(const unsigned char *haystack, size_t haystack_length,
                           const unsigned char *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}

long nianbao_find_bytes(const unsigned char *haystack, size_t haystack_length,
                        const unsigned char *needle, size_t needle_length) {
    const unsigned char *found = memmem(haystack, haystack_length, needle, needle_length);
    return found == NULL ? -1 : (long)(found - haystack);
}
