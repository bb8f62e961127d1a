// libpng shims: every libpng call that may png_error runs below a setjmp in the same frame.
// References: libpng-manual.txt (1.6) sections III "Reading", IV "Writing", "Setjmp/longjmp issues".
#include "CLabelerShims.h"
#include "shims_common.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>

/// Input for png_set_read_fn: a window over caller memory.
typedef struct clabeler_png_reader {
    const uint8_t *data;
    size_t len;
    size_t off;
} clabeler_png_reader;

/// Where on_error copies the message.
typedef struct clabeler_png_message {
    char *err;
    size_t err_len;
} clabeler_png_message;

static void clabeler_png_on_error(png_structp png, png_const_charp message) {
    clabeler_png_message *sink = (clabeler_png_message *)png_get_error_ptr(png);
    if (sink != NULL) {
        clabeler_set_message(sink->err, sink->err_len, message);
    }
    png_longjmp(png, 1);
}

static void clabeler_png_on_warning(png_structp png, png_const_charp message) {
    // A library must not print; warnings are not failures.
    (void)png;
    (void)message;
}

static void clabeler_png_read(png_structp png, png_bytep out, size_t count) {
    clabeler_png_reader *reader = (clabeler_png_reader *)png_get_io_ptr(png);
    if (reader == NULL || count > reader->len - reader->off) {
        png_error(png, "unexpected end of data");
    }
    memcpy(out, reader->data + reader->off, count);
    reader->off += count;
}

static void clabeler_png_write(png_structp png, png_bytep bytes, size_t count) {
    clabeler_out_buffer *buffer = (clabeler_out_buffer *)png_get_io_ptr(png);
    if (buffer == NULL || !clabeler_out_buffer_reserve(buffer, count)) {
        png_error(png, "out of memory while writing PNG");
    }
    memcpy(buffer->data + buffer->len, bytes, count);
    buffer->len += count;
}

static void clabeler_png_flush(png_structp png) {
    (void)png;
}

int CLabelerShims_png_decode_rgba(const uint8_t *data, size_t len,
                                  uint8_t *out, size_t out_len,
                                  uint32_t *width, uint32_t *height,
                                  char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    if (data == NULL || width == NULL || height == NULL) {
        clabeler_set_message(err, err_len, "invalid argument");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    clabeler_png_reader reader = {data, len, 0};
    clabeler_png_message sink = {err, err_len};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &sink,
                                             clabeler_png_on_error, clabeler_png_on_warning);
    if (png == NULL) {
        clabeler_set_message(err, err_len, "png_create_read_struct failed");
        return CLABELER_SHIMS_NO_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        clabeler_set_message(err, err_len, "png_create_info_struct failed");
        return CLABELER_SHIMS_NO_MEMORY;
    }
    // Assigned after setjmp and read in the error branch, hence volatile (C11 7.13.2.1p3).
    png_bytep *volatile rows = NULL;
    volatile int status = CLABELER_SHIMS_LIBRARY_ERROR;
    if (setjmp(png_jmpbuf(png))) {
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return status;
    }
    png_set_read_fn(png, &reader, clabeler_png_read);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info);
    png_uint_32 h = png_get_image_height(png, info);
    *width = w;
    *height = h;
    if (out == NULL) {
        png_destroy_read_struct(&png, &info, NULL);
        return CLABELER_SHIMS_OK;
    }

    // Normalise every colour type / bit depth to RGBA8 (libpng-manual.txt "Transformations").
    png_set_expand(png);            // palette -> RGB, gray < 8 bit -> 8 bit, tRNS -> alpha
    png_set_scale_16(png);          // 16 -> 8 bit, rounded
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xff, PNG_FILLER_AFTER);  // only when no alpha after expansion
    (void)png_set_interlace_handling(png);
    png_read_update_info(png, info);

    size_t row_bytes = png_get_rowbytes(png, info);
    if (w == 0 || h == 0 || row_bytes != (size_t)w * 4u || out_len / row_bytes < (size_t)h) {
        status = CLABELER_SHIMS_INVALID_ARGUMENT;
        png_error(png, "output buffer does not match the RGBA8 image size");
    }
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)h);
    if (rows == NULL) {
        status = CLABELER_SHIMS_NO_MEMORY;
        png_error(png, "out of memory for row pointers");
    }
    for (png_uint_32 y = 0; y < h; y++) {
        rows[y] = out + (size_t)y * row_bytes;
    }
    png_read_image(png, rows);
    png_read_end(png, NULL);

    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    return CLABELER_SHIMS_OK;
}

int CLabelerShims_png_encode(const uint8_t *pixels, size_t pixels_len,
                             uint32_t width, uint32_t height, int channels,
                             uint8_t **out, size_t *out_len,
                             char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    if (pixels == NULL || out == NULL || out_len == NULL || channels < 1 || channels > 4
        || width == 0 || height == 0) {
        clabeler_set_message(err, err_len, "invalid argument: need 1 to 4 channels and non-zero size");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    size_t stride = (size_t)width * (size_t)channels;
    if (stride / (size_t)channels != (size_t)width || pixels_len / stride < (size_t)height) {
        clabeler_set_message(err, err_len, "pixel buffer is smaller than width * height * channels");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    *out = NULL;
    *out_len = 0;
    clabeler_out_buffer *buffer = (clabeler_out_buffer *)calloc(1, sizeof(clabeler_out_buffer));
    if (buffer == NULL) {
        clabeler_set_message(err, err_len, "out of memory");
        return CLABELER_SHIMS_NO_MEMORY;
    }
    clabeler_png_message sink = {err, err_len};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink,
                                              clabeler_png_on_error, clabeler_png_on_warning);
    if (png == NULL) {
        free(buffer);
        clabeler_set_message(err, err_len, "png_create_write_struct failed");
        return CLABELER_SHIMS_NO_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        free(buffer);
        clabeler_set_message(err, err_len, "png_create_info_struct failed");
        return CLABELER_SHIMS_NO_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(buffer->data);
        free(buffer);
        return CLABELER_SHIMS_LIBRARY_ERROR;
    }
    png_set_write_fn(png, buffer, clabeler_png_write, clabeler_png_flush);
    // PNG spec §11.2.2: colour types 0 (gray), 4 (gray + alpha), 2 (RGB), 6 (RGBA).
    static const int color_types[4] = {PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA, PNG_COLOR_TYPE_RGB,
                                       PNG_COLOR_TYPE_RGB_ALPHA};
    png_set_IHDR(png, info, width, height, 8, color_types[channels - 1],
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (uint32_t y = 0; y < height; y++) {
        png_write_row(png, pixels + (size_t)y * stride);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);

    *out = buffer->data;
    *out_len = buffer->len;
    free(buffer);
    return CLABELER_SHIMS_OK;
}
