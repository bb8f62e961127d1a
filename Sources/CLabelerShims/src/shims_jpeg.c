// libjpeg shims: every libjpeg call that may ERREXIT runs below a setjmp in the same frame.
// References: libjpeg.txt (libjpeg-turbo 2.1) "Error handling", "Compression details",
// "Decompression details", "Data source and destination managers"; example.txt.
#include "CLabelerShims.h"
#include "shims_common.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h>
#include <jerror.h>

/// Error manager: error_exit formats the message into the caller's buffer and longjmps;
/// emit_message never prints, but turns "premature end of data" into a failure.
typedef struct clabeler_jpeg_error {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char *err;
    size_t err_len;
    volatile int truncated;
} clabeler_jpeg_error;

static void clabeler_jpeg_record(j_common_ptr cinfo) {
    clabeler_jpeg_error *error = (clabeler_jpeg_error *)cinfo->err;
    char message[JMSG_LENGTH_MAX];
    message[0] = '\0';
    (*cinfo->err->format_message)(cinfo, message);
    clabeler_set_message(error->err, error->err_len, message);
}

static void clabeler_jpeg_error_exit(j_common_ptr cinfo) {
    clabeler_jpeg_record(cinfo);
    longjmp(((clabeler_jpeg_error *)cinfo->err)->jump, 1);
}

static void clabeler_jpeg_emit_message(j_common_ptr cinfo, int level) {
    // level < 0 is a warning, >= 0 trace output; a library must not print either.
    if (level < 0) {
        cinfo->err->num_warnings++;
        if (cinfo->err->msg_code == JWRN_JPEG_EOF) {
            // jpeg_mem_src would pad the stream with a fake EOI and return a grey image.
            clabeler_jpeg_error *error = (clabeler_jpeg_error *)cinfo->err;
            error->truncated = 1;
            clabeler_jpeg_record(cinfo);
            longjmp(error->jump, 1);
        }
    }
}

static void clabeler_jpeg_output_message(j_common_ptr cinfo) {
    (void)cinfo;
}

static void clabeler_jpeg_install(clabeler_jpeg_error *error, char *err, size_t err_len) {
    jpeg_std_error(&error->pub);
    error->pub.error_exit = clabeler_jpeg_error_exit;
    error->pub.emit_message = clabeler_jpeg_emit_message;
    error->pub.output_message = clabeler_jpeg_output_message;
    error->err = err;
    error->err_len = err_len;
    error->truncated = 0;
}

/// Adobe-style CMYK (inverted when an Adobe APP14 marker was seen) to RGB.
static void clabeler_cmyk_to_rgb(const JSAMPLE *cmyk, uint8_t *rgb, JDIMENSION width, int inverted) {
    for (JDIMENSION x = 0; x < width; x++) {
        unsigned c = cmyk[4 * x], m = cmyk[4 * x + 1], y = cmyk[4 * x + 2], k = cmyk[4 * x + 3];
        if (!inverted) {
            c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k;
        }
        rgb[3 * x] = (uint8_t)((c * k + 127) / 255);
        rgb[3 * x + 1] = (uint8_t)((m * k + 127) / 255);
        rgb[3 * x + 2] = (uint8_t)((y * k + 127) / 255);
    }
}

int CLabelerShims_jpeg_decode_rgb(const uint8_t *data, size_t len,
                                  uint8_t *out, size_t out_len,
                                  uint32_t *width, uint32_t *height,
                                  char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    if (data == NULL || width == NULL || height == NULL || len > (size_t)(unsigned long)-1) {
        clabeler_set_message(err, err_len, "invalid argument");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    struct jpeg_decompress_struct cinfo;
    clabeler_jpeg_error error;
    memset(&cinfo, 0, sizeof(cinfo));
    memset(&error, 0, sizeof(error));
    clabeler_jpeg_install(&error, err, err_len);
    cinfo.err = &error.pub;
    volatile int status = CLABELER_SHIMS_LIBRARY_ERROR;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return error.truncated ? CLABELER_SHIMS_TRUNCATED : status;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)len);
    (void)jpeg_read_header(&cinfo, TRUE);
    *width = cinfo.image_width;
    *height = cinfo.image_height;
    if (out == NULL) {
        jpeg_destroy_decompress(&cinfo);
        return CLABELER_SHIMS_OK;
    }

    int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
    jpeg_start_decompress(&cinfo);
    JDIMENSION w = cinfo.output_width;
    size_t stride = (size_t)w * 3u;
    if (w != cinfo.image_width || cinfo.output_height != cinfo.image_height
        || cinfo.output_components != (cmyk ? 4 : 3) || stride == 0
        || out_len / stride < (size_t)cinfo.output_height) {
        status = CLABELER_SHIMS_INVALID_ARGUMENT;
        clabeler_set_message(err, err_len, "output buffer does not match the RGB8 image size");
        ERREXIT(&cinfo, JERR_BAD_DCTSIZE);  // the message above wins (first message is kept)
    }
    // Freed by jpeg_destroy_decompress with the rest of the image pool.
    JSAMPARRAY cmyk_row = cmyk
        ? (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, w * 4u, 1)
        : NULL;
    while (cinfo.output_scanline < cinfo.output_height) {
        uint8_t *target = out + (size_t)cinfo.output_scanline * stride;
        if (cmyk) {
            if (jpeg_read_scanlines(&cinfo, cmyk_row, 1) != 1) {
                ERREXIT(&cinfo, JERR_INPUT_EOF);
            }
            clabeler_cmyk_to_rgb(cmyk_row[0], target, w, cinfo.saw_Adobe_marker);
        } else {
            JSAMPROW row = target;
            if (jpeg_read_scanlines(&cinfo, &row, 1) != 1) {
                ERREXIT(&cinfo, JERR_INPUT_EOF);
            }
        }
    }
    (void)jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return CLABELER_SHIMS_OK;
}

/// Growable memory destination. jpeg_mem_dest is not used because after a longjmp it
/// leaves `*outbuffer` pointing at freed memory once it has grown, and keeps the live
/// buffer in a private field that jpeg_destroy_compress does not free (jdatadst.c).
typedef struct clabeler_jpeg_destination {
    struct jpeg_destination_mgr pub;
    clabeler_out_buffer *buffer;
} clabeler_jpeg_destination;

static void clabeler_jpeg_dest_init(j_compress_ptr cinfo) {
    clabeler_jpeg_destination *dest = (clabeler_jpeg_destination *)cinfo->dest;
    if (!clabeler_out_buffer_reserve(dest->buffer, 65536)) {
        ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 1);
    }
    dest->pub.next_output_byte = dest->buffer->data + dest->buffer->len;
    dest->pub.free_in_buffer = dest->buffer->cap - dest->buffer->len;
}

static boolean clabeler_jpeg_dest_empty(j_compress_ptr cinfo) {
    // Contract: the whole free area handed out last time is now full.
    clabeler_jpeg_destination *dest = (clabeler_jpeg_destination *)cinfo->dest;
    dest->buffer->len = dest->buffer->cap;
    if (!clabeler_out_buffer_reserve(dest->buffer, dest->buffer->cap)) {
        ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 2);
    }
    dest->pub.next_output_byte = dest->buffer->data + dest->buffer->len;
    dest->pub.free_in_buffer = dest->buffer->cap - dest->buffer->len;
    return TRUE;
}

static void clabeler_jpeg_dest_term(j_compress_ptr cinfo) {
    clabeler_jpeg_destination *dest = (clabeler_jpeg_destination *)cinfo->dest;
    dest->buffer->len = dest->buffer->cap - dest->pub.free_in_buffer;
}

int CLabelerShims_jpeg_encode(const uint8_t *pixels, size_t pixels_len,
                              uint32_t width, uint32_t height, int channels, int quality,
                              uint8_t **out, size_t *out_len,
                              char *err, size_t err_len) {
    // libjpeg's defaults: 2x2 luma sampling (4:2:0), three components, sequential.
    return CLabelerShims_jpeg_encode_like(pixels, pixels_len, width, height, channels, quality, 2, 2, 0, 0,
                                          out, out_len, err, err_len);
}

int CLabelerShims_jpeg_encode_like(const uint8_t *pixels, size_t pixels_len,
                                   uint32_t width, uint32_t height, int channels, int quality,
                                   int h_samp, int v_samp, int gray, int progressive,
                                   uint8_t **out, size_t *out_len,
                                   char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    if (pixels == NULL || out == NULL || out_len == NULL || (channels != 3 && channels != 4)
        || h_samp < 1 || h_samp > 4 || v_samp < 1 || v_samp > 4
        || width == 0 || height == 0 || width > JPEG_MAX_DIMENSION || height > JPEG_MAX_DIMENSION) {
        clabeler_set_message(err, err_len, "invalid argument: need RGB or RGBA and 1...65500 pixels a side");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    size_t stride = (size_t)width * (size_t)channels;
    if (pixels_len / stride < (size_t)height) {
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
    struct jpeg_compress_struct cinfo;
    clabeler_jpeg_error error;
    clabeler_jpeg_destination dest;
    memset(&cinfo, 0, sizeof(cinfo));
    memset(&error, 0, sizeof(error));
    memset(&dest, 0, sizeof(dest));
    clabeler_jpeg_install(&error, err, err_len);
    cinfo.err = &error.pub;
    dest.pub.init_destination = clabeler_jpeg_dest_init;
    dest.pub.empty_output_buffer = clabeler_jpeg_dest_empty;
    dest.pub.term_destination = clabeler_jpeg_dest_term;
    dest.buffer = buffer;
    if (setjmp(error.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer->data);
        free(buffer);
        return CLABELER_SHIMS_LIBRARY_ERROR;
    }
    jpeg_create_compress(&cinfo);
    cinfo.dest = &dest.pub;
    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = channels;
    cinfo.in_color_space = channels == 4 ? JCS_EXT_RGBA : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality < 1 ? 1 : (quality > 100 ? 100 : quality), TRUE);
    if (gray) {
        jpeg_set_colorspace(&cinfo, JCS_GRAYSCALE);  // converts the RGB input to Y (libjpeg.txt)
        cinfo.comp_info[0].h_samp_factor = 1;
        cinfo.comp_info[0].v_samp_factor = 1;
    } else {
        cinfo.comp_info[0].h_samp_factor = h_samp;
        cinfo.comp_info[0].v_samp_factor = v_samp;
    }
    if (progressive) {
        jpeg_simple_progression(&cinfo);
    }
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * stride);
        (void)jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);

    *out = buffer->data;
    *out_len = buffer->len;
    free(buffer);
    return CLABELER_SHIMS_OK;
}

int CLabelerShims_jpeg_inspect(const uint8_t *data, size_t len, CLabelerShimsJPEGInfo *info,
                               char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    if (data == NULL || info == NULL || len > (size_t)(unsigned long)-1) {
        clabeler_set_message(err, err_len, "invalid argument");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    memset(info, 0, sizeof(*info));
    struct jpeg_decompress_struct cinfo;
    clabeler_jpeg_error error;
    memset(&cinfo, 0, sizeof(cinfo));
    memset(&error, 0, sizeof(error));
    clabeler_jpeg_install(&error, err, err_len);
    cinfo.err = &error.pub;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return error.truncated ? CLABELER_SHIMS_TRUNCATED : CLABELER_SHIMS_LIBRARY_ERROR;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)len);
    (void)jpeg_read_header(&cinfo, TRUE);
    info->width = cinfo.image_width;
    info->height = cinfo.image_height;
    info->components = cinfo.num_components;
    info->h_samp = cinfo.num_components > 0 ? cinfo.comp_info[0].h_samp_factor : 1;
    info->v_samp = cinfo.num_components > 0 ? cinfo.comp_info[0].v_samp_factor : 1;
    info->progressive = cinfo.progressive_mode ? 1 : 0;
    for (int t = 0; t < 2; t++) {
        JQUANT_TBL *table = cinfo.quant_tbl_ptrs[t];
        if (table == NULL) {
            continue;
        }
        info->quant_present[t] = 1;
        for (int i = 0; i < DCTSIZE2; i++) {
            info->quant[t][i] = table->quantval[i];  // natural order (jdmarker.c get_dqt)
        }
    }
    jpeg_destroy_decompress(&cinfo);
    return CLABELER_SHIMS_OK;
}
