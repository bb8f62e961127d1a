// Private helpers shared by the shim sources. Not part of the public header.
#ifndef CLABELER_SHIMS_COMMON_H
#define CLABELER_SHIMS_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/// Copies `message` into `err` (truncating, always NUL-terminated) unless `err` already
/// holds a message, so the first error wins.
static inline void clabeler_set_message(char *err, size_t err_len, const char *message) {
    if (err == NULL || err_len == 0 || err[0] != '\0') {
        return;
    }
    if (message == NULL) {
        message = "unknown error";
    }
    size_t n = strlen(message);
    if (n >= err_len) {
        n = err_len - 1;
    }
    memcpy(err, message, n);
    err[n] = '\0';
}

/// Growable output buffer, heap-allocated before setjmp so its contents stay defined
/// after a longjmp (C11 7.13.2.1p3 only protects volatile or unmodified automatics).
typedef struct clabeler_out_buffer {
    uint8_t *data;
    size_t len;
    size_t cap;
} clabeler_out_buffer;

/// Makes room for `extra` more bytes; returns 0 on allocation failure or overflow.
int clabeler_out_buffer_reserve(clabeler_out_buffer *buffer, size_t extra);

#endif
