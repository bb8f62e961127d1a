// CLabelerShims: the only C code in Labeler (style.md §2.1, §2.5).
//
// Why these shims exist:
//  * libpng and libjpeg report fatal errors by longjmp. Swift cannot call setjmp, and a
//    longjmp must never cross a Swift frame, so every libpng/libjpeg call that may
//    png_error/ERREXIT is made here, from a function that called setjmp in its own frame.
//  * Library messages are copied into a caller-supplied `err` buffer (always
//    NUL-terminated when `err_len > 0`); nothing is ever printed.
//  * All I/O is from/to memory, through callbacks written in C.
//  * libexif's log callback takes a va_list, which Swift cannot implement; it is
//    installed here and records messages instead of printing them.
//
// This header exposes only <stdint.h>/<stddef.h> types, so no library type leaks into Swift.
// Every status-returning function returns CLABELER_SHIMS_OK (0) on success and cleans up
// everything it created on both paths.
#ifndef CLABELER_SHIMS_H
#define CLABELER_SHIMS_H

#include <stddef.h>
#include <stdint.h>
#include "CLabelerShims_fs.h"  /* syncfs, added by the Labeler core (group commit) */

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes returned by the shims.
enum {
    CLABELER_SHIMS_OK = 0,
    /// The library raised an error (png_error / ERREXIT); see the message buffer.
    CLABELER_SHIMS_LIBRARY_ERROR = 1,
    /// An allocation failed.
    CLABELER_SHIMS_NO_MEMORY = 2,
    /// An argument was invalid (bad channel count, output buffer too small, ...).
    CLABELER_SHIMS_INVALID_ARGUMENT = 3,
    /// libjpeg hit the end of the data before the image was complete (JWRN_JPEG_EOF).
    CLABELER_SHIMS_TRUNCATED = 4,
};

/// Releases a buffer returned by a CLabelerShims function (plain free()).
void CLabelerShims_free(void *pointer);

// MARK: libpng

/// Decodes a PNG held in memory to 8-bit RGBA, 4 bytes per pixel, rows top to bottom.
/// With `out == NULL` only the header is read and `*width`/`*height` are set, so the caller
/// can size `out` (width * height * 4 bytes) and call again.
/// libpng calls: png_create_read_struct, png_set_read_fn, png_read_info, png_set_expand,
/// png_set_scale_16, png_set_gray_to_rgb, png_set_add_alpha, png_set_interlace_handling,
/// png_read_update_info, png_read_image, png_read_end, png_destroy_read_struct.
int CLabelerShims_png_decode_rgba(const uint8_t *data, size_t len,
                                  uint8_t *out, size_t out_len,
                                  uint32_t *width, uint32_t *height,
                                  char *err, size_t err_len);

/// Encodes 8-bit gray (channels 1), gray + alpha (2), RGB (3) or RGBA (4) rows to a PNG.
/// On success `*out` is a malloc'd buffer of `*out_len` bytes; release it with CLabelerShims_free.
/// libpng calls: png_create_write_struct, png_set_write_fn, png_set_IHDR, png_write_info,
/// png_write_row, png_write_end, png_destroy_write_struct.
int CLabelerShims_png_encode(const uint8_t *pixels, size_t pixels_len,
                             uint32_t width, uint32_t height, int channels,
                             uint8_t **out, size_t *out_len,
                             char *err, size_t err_len);

// MARK: libjpeg

/// Decodes a JPEG held in memory (baseline, progressive, gray, YCbCr, CMYK/YCCK) to 8-bit RGB.
/// With `out == NULL` only the header is read (width * height * 3 bytes are needed).
/// A stream that ends early fails with CLABELER_SHIMS_TRUNCATED instead of being padded.
/// libjpeg calls: jpeg_std_error, jpeg_create_decompress, jpeg_mem_src, jpeg_read_header,
/// jpeg_start_decompress, jpeg_read_scanlines, jpeg_finish_decompress, jpeg_destroy_decompress.
int CLabelerShims_jpeg_decode_rgb(const uint8_t *data, size_t len,
                                  uint8_t *out, size_t out_len,
                                  uint32_t *width, uint32_t *height,
                                  char *err, size_t err_len);

/// Encodes 8-bit RGB (channels 3) or RGBA (channels 4, alpha ignored) to a baseline JPEG
/// with the given quality (1...100). `*out` is malloc'd; release with CLabelerShims_free.
/// libjpeg calls: jpeg_create_compress, jpeg_set_defaults, jpeg_set_quality,
/// jpeg_start_compress, jpeg_write_scanlines, jpeg_finish_compress, jpeg_destroy_compress,
/// with a growable memory destination manager written here.
int CLabelerShims_jpeg_encode(const uint8_t *pixels, size_t pixels_len,
                              uint32_t width, uint32_t height, int channels, int quality,
                              uint8_t **out, size_t *out_len,
                              char *err, size_t err_len);

/// What a JPEG's headers say about how it was encoded (ITU T.81 B.2.2 frame header, B.2.4.1
/// DQT), read with jpeg_read_header only.
typedef struct CLabelerShimsJPEGInfo {
    uint32_t width;
    uint32_t height;
    /// Frame components (1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK).
    int32_t components;
    /// Sampling factors of the first component (2x2 for 4:2:0, 2x1 for 4:2:2, 1x1 for 4:4:4).
    int32_t h_samp;
    int32_t v_samp;
    /// Non-zero for a progressive (SOF2) frame.
    int32_t progressive;
    /// Quantisation tables 0 and 1 in natural (row-major) order; `quant_present[i]` is 0 when
    /// table i was not defined.
    uint16_t quant[2][64];
    int32_t quant_present[2];
} CLabelerShimsJPEGInfo;

/// Reads the headers of a JPEG held in memory into `*info` (no pixels are decoded).
int CLabelerShims_jpeg_inspect(const uint8_t *data, size_t len, CLabelerShimsJPEGInfo *info,
                               char *err, size_t err_len);

/// As CLabelerShims_jpeg_encode, with the luma sampling factors (chroma stay 1x1), a
/// grayscale output (`gray` non-zero: one component) and a progressive scan script
/// (jpeg_simple_progression) when `progressive` is non-zero. The quality tables are the IJG
/// ones scaled by jpeg_set_quality (baseline-clamped).
int CLabelerShims_jpeg_encode_like(const uint8_t *pixels, size_t pixels_len,
                                   uint32_t width, uint32_t height, int channels, int quality,
                                   int h_samp, int v_samp, int gray, int progressive,
                                   uint8_t **out, size_t *out_len,
                                   char *err, size_t err_len);

// MARK: FreeType

/// Opens face `face_index` of the font file at `path` (FT_Init_FreeType, FT_New_Face) and
/// stores an opaque handle in `*handle`. FreeType reports errors by return code, not longjmp;
/// the shim only keeps FreeType types out of Swift. Release with CLabelerShims_ft_close.
int CLabelerShims_ft_open(const char *path, long face_index, void **handle, char *err, size_t err_len);

/// FT_Done_Face and FT_Done_FreeType. NULL is ignored.
void CLabelerShims_ft_close(void *handle);

/// The glyph index of a Unicode code point in the face's Unicode charmap; 0 means the font has
/// no glyph for it (it would draw .notdef).
uint32_t CLabelerShims_ft_glyph_index(void *handle, uint32_t codepoint);

/// Lays out `count` code points at `pixel_height` pixels per em (FT_Set_Pixel_Sizes, kerning
/// by FT_Get_Kerning when the face has it): `*advance` is the pen advance in pixels, `*ascent`
/// and `*descent` (positive, below the baseline) the ink extent of the glyphs, rounded out.
int CLabelerShims_ft_measure(void *handle, uint32_t pixel_height, const uint32_t *codepoints, size_t count,
                             int32_t *advance, int32_t *ascent, int32_t *descent, char *err, size_t err_len);

/// Renders the code points (FT_Load_Glyph with FT_LOAD_RENDER, 8-bit anti-aliased coverage)
/// into the caller's `width` x `height` coverage buffer with the pen starting at `(x, baseline)`;
/// coverage is combined by maximum, glyph parts outside the buffer are clipped.
int CLabelerShims_ft_render(void *handle, uint32_t pixel_height, const uint32_t *codepoints, size_t count,
                            uint8_t *coverage, uint32_t width, uint32_t height, int32_t x, int32_t baseline,
                            char *err, size_t err_len);

// MARK: libexif

/// Creates an EXIF document: exif_data_new, a recording ExifLog (exif_log_new,
/// exif_log_set_func, exif_data_log), options FOLLOW_SPECIFICATION and IGNORE_UNKNOWN_TAGS
/// unset and DONT_CHANGE_MAKER_NOTE set (exif_data_unset_option / exif_data_set_option),
/// then exif_data_load_data when `data != NULL`. Returns NULL only when out of memory.
/// Release with CLabelerShims_exif_close.
void *CLabelerShims_exif_open(const uint8_t *data, size_t len);

/// The `ExifData *` owned by a document from CLabelerShims_exif_open.
void *CLabelerShims_exif_data(void *document);

/// Number of CORRUPT_DATA / NO_MEMORY messages libexif logged for this document so far;
/// the first such message is copied into `err`.
int CLabelerShims_exif_problems(const void *document, char *err, size_t err_len);

/// exif_data_unref plus exif_log_unref, then frees the document. NULL is ignored.
void CLabelerShims_exif_close(void *document);

/// Watermark, one row of `width` RGBA pixels: changes[x] = round(gain · delta[x]) (to nearest,
/// ties to even), *squares = 3 · Σ changes², and nonzero when adding the changes to R, G, B would
/// leave 0…255 for some pixel (the caller then takes its clipping path for this row).
int CLabelerShims_wm_changes(const uint8_t *rgba, const float *delta, size_t width, float gain, int32_t *changes,
                             int64_t *squares);

/// Watermark: adds changes[x] to R, G and B of pixel x (alpha untouched). Only for a row
/// CLabelerShims_wm_changes said does not clip: the sums are not clamped.
void CLabelerShims_wm_add(uint8_t *rgba, const int32_t *changes, size_t width);

/// Watermark, one row of `width` RGBA pixels, change[x] = round(gain · delta[x]) (to nearest,
/// ties to even): Σ over R, G, B of (clip(old + change, 0, 255) − old)², the pixels unchanged.
int64_t CLabelerShims_wm_row_error(const uint8_t *rgba, const float *delta, size_t width, float gain);

/// Watermark: copies the row's 4 · width bytes to `saved`, then adds the changes to R, G, B
/// clipped to 0…255 (alpha untouched); clipped[x] = 1 where pixel x lost a value to clipping, else
/// 0; *squared_error as above. Nonzero when any value clipped (the caller keeps those pixels'
/// `saved` bytes to undo exactly).
int CLabelerShims_wm_row_apply(uint8_t *rgba, const float *delta, size_t width, float gain, uint8_t *saved,
                               uint8_t *clipped, int64_t *squared_error);

/// Loads libtesseract.so.5 on first call (dlopen, RTLD_LOCAL) and resolves the Tesseract C API
/// functions OCREngine uses, which this shim defines as forwarders so the executable does not
/// link Tesseract and its ~50 dependencies at start-up. 0 when loaded; else -1 and `err` says why.
/// Thread-safe (pthread_once). Call it before any Tess* function.
int CLabelerShims_tesseract_load(char *err, size_t err_len);

#ifdef __cplusplus
}
#endif

#endif
