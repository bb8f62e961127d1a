// FreeType shims for the visible label. FreeType returns error codes (it never longjmps), so
// these functions exist to keep FT_* types out of Swift and to do the per-pixel glyph blit in C.
// References: FreeType 2 tutorial, steps 1 and 2 ("Simple glyph loading", "Managing glyphs");
// FreeType API reference: FT_Set_Pixel_Sizes, FT_Load_Glyph, FT_Get_Kerning.
#include "CLabelerShims.h"
#include "shims_common.h"

#include <stdio.h>
#include <stdlib.h>

#include <ft2build.h>
#include FT_FREETYPE_H

typedef struct clabeler_ft_handle {
    FT_Library library;
    FT_Face face;
} clabeler_ft_handle;

static void clabeler_ft_message(char *err, size_t err_len, const char *what, FT_Error code) {
    char message[128];
    const char *text = FT_Error_String(code);
    snprintf(message, sizeof(message), "%s failed: %s (FreeType error %d)", what, text ? text : "error", (int)code);
    clabeler_set_message(err, err_len, message);
}

int CLabelerShims_ft_open(const char *path, long face_index, void **handle, char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    if (path == NULL || handle == NULL) {
        clabeler_set_message(err, err_len, "invalid argument");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    *handle = NULL;
    clabeler_ft_handle *ft = (clabeler_ft_handle *)calloc(1, sizeof(clabeler_ft_handle));
    if (ft == NULL) {
        clabeler_set_message(err, err_len, "out of memory");
        return CLABELER_SHIMS_NO_MEMORY;
    }
    FT_Error code = FT_Init_FreeType(&ft->library);
    if (code != 0) {
        free(ft);
        clabeler_ft_message(err, err_len, "FT_Init_FreeType", code);
        return CLABELER_SHIMS_LIBRARY_ERROR;
    }
    code = FT_New_Face(ft->library, path, face_index, &ft->face);
    if (code != 0) {
        FT_Done_FreeType(ft->library);
        free(ft);
        clabeler_ft_message(err, err_len, "FT_New_Face", code);
        return CLABELER_SHIMS_LIBRARY_ERROR;
    }
    code = FT_Select_Charmap(ft->face, FT_ENCODING_UNICODE);
    if (code != 0) {
        CLabelerShims_ft_close(ft);
        clabeler_ft_message(err, err_len, "FT_Select_Charmap(Unicode)", code);
        return CLABELER_SHIMS_LIBRARY_ERROR;
    }
    *handle = ft;
    return CLABELER_SHIMS_OK;
}

void CLabelerShims_ft_close(void *handle) {
    clabeler_ft_handle *ft = (clabeler_ft_handle *)handle;
    if (ft == NULL) {
        return;
    }
    FT_Done_Face(ft->face);
    FT_Done_FreeType(ft->library);
    free(ft);
}

uint32_t CLabelerShims_ft_glyph_index(void *handle, uint32_t codepoint) {
    clabeler_ft_handle *ft = (clabeler_ft_handle *)handle;
    return ft == NULL ? 0 : (uint32_t)FT_Get_Char_Index(ft->face, codepoint);
}

/// Walks the glyphs of a line: loads each (rendered when `coverage` is set), blits it, and
/// tracks the pen and the ink extent.
static int clabeler_ft_walk(clabeler_ft_handle *ft, uint32_t pixel_height, const uint32_t *codepoints,
                            size_t count, uint8_t *coverage, uint32_t width, uint32_t height, int32_t x,
                            int32_t baseline, int32_t *advance, int32_t *ascent, int32_t *descent,
                            char *err, size_t err_len) {
    if (ft == NULL || (codepoints == NULL && count > 0) || pixel_height == 0) {
        clabeler_set_message(err, err_len, "invalid argument");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    FT_Error code = FT_Set_Pixel_Sizes(ft->face, 0, pixel_height);
    if (code != 0) {
        clabeler_ft_message(err, err_len, "FT_Set_Pixel_Sizes", code);
        return CLABELER_SHIMS_LIBRARY_ERROR;
    }
    FT_Pos pen = (FT_Pos)x * 64;
    FT_UInt previous = 0;
    int32_t top = 0, bottom = 0;
    int kerning = FT_HAS_KERNING(ft->face);
    for (size_t i = 0; i < count; i++) {
        FT_UInt glyph = FT_Get_Char_Index(ft->face, codepoints[i]);
        if (kerning && previous != 0 && glyph != 0) {
            FT_Vector delta;
            if (FT_Get_Kerning(ft->face, previous, glyph, FT_KERNING_DEFAULT, &delta) == 0) {
                pen += delta.x;
            }
        }
        code = FT_Load_Glyph(ft->face, glyph, coverage != NULL ? FT_LOAD_RENDER : FT_LOAD_DEFAULT);
        if (code != 0) {
            clabeler_ft_message(err, err_len, "FT_Load_Glyph", code);
            return CLABELER_SHIMS_LIBRARY_ERROR;
        }
        FT_GlyphSlot slot = ft->face->glyph;
        // Ink extent from the metrics (26.6), rounded outwards.
        int32_t glyph_top = (int32_t)((slot->metrics.horiBearingY + 63) >> 6);
        int32_t glyph_bottom = (int32_t)((slot->metrics.height - slot->metrics.horiBearingY + 63) >> 6);
        if (glyph_top > top) top = glyph_top;
        if (glyph_bottom > bottom) bottom = glyph_bottom;
        if (coverage != NULL) {
            FT_Bitmap *bitmap = &slot->bitmap;
            int32_t left = (int32_t)((pen + 32) >> 6) + slot->bitmap_left;
            int32_t row0 = baseline - slot->bitmap_top;
            for (unsigned int r = 0; r < bitmap->rows; r++) {
                int64_t y = (int64_t)row0 + r;
                if (y < 0 || y >= (int64_t)height) continue;
                const uint8_t *source = bitmap->buffer + (ptrdiff_t)r * bitmap->pitch;
                for (unsigned int c = 0; c < bitmap->width; c++) {
                    int64_t px = (int64_t)left + c;
                    if (px < 0 || px >= (int64_t)width) continue;
                    uint8_t *target = coverage + (size_t)y * width + (size_t)px;
                    if (source[c] > *target) *target = source[c];
                }
            }
        }
        pen += slot->advance.x;
        previous = glyph;
    }
    if (advance != NULL) *advance = (int32_t)((pen - (FT_Pos)x * 64 + 63) >> 6);
    if (ascent != NULL) *ascent = top;
    if (descent != NULL) *descent = bottom;
    return CLABELER_SHIMS_OK;
}

int CLabelerShims_ft_measure(void *handle, uint32_t pixel_height, const uint32_t *codepoints, size_t count,
                             int32_t *advance, int32_t *ascent, int32_t *descent, char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    return clabeler_ft_walk((clabeler_ft_handle *)handle, pixel_height, codepoints, count, NULL, 0, 0, 0, 0,
                            advance, ascent, descent, err, err_len);
}

int CLabelerShims_ft_render(void *handle, uint32_t pixel_height, const uint32_t *codepoints, size_t count,
                            uint8_t *coverage, uint32_t width, uint32_t height, int32_t x, int32_t baseline,
                            char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    if (coverage == NULL) {
        clabeler_set_message(err, err_len, "invalid argument: no coverage buffer");
        return CLABELER_SHIMS_INVALID_ARGUMENT;
    }
    return clabeler_ft_walk((clabeler_ft_handle *)handle, pixel_height, codepoints, count, coverage, width, height,
                            x, baseline, NULL, NULL, NULL, err, err_len);
}
