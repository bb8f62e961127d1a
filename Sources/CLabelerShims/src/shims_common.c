// Shared helpers: the growable output buffer and CLabelerShims_free.
#include "CLabelerShims.h"
#include "shims_common.h"

#include <stdlib.h>

void CLabelerShims_free(void *pointer) {
    free(pointer);
}

int clabeler_out_buffer_reserve(clabeler_out_buffer *buffer, size_t extra) {
    if (extra <= buffer->cap - buffer->len) {
        return 1;
    }
    if (extra > SIZE_MAX - buffer->len) {
        return 0;
    }
    size_t needed = buffer->len + extra;
    size_t capacity = buffer->cap < 4096 ? 4096 : buffer->cap;
    while (capacity < needed) {
        if (capacity > SIZE_MAX / 2) {
            capacity = needed;
            break;
        }
        capacity *= 2;
    }
    uint8_t *grown = (uint8_t *)realloc(buffer->data, capacity);
    if (grown == NULL) {
        return 0;
    }
    buffer->data = grown;
    buffer->cap = capacity;
    return 1;
}
