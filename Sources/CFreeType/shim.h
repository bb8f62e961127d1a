// FreeType 2 (pkg-config `freetype2`, Debian libfreetype-dev). Swift never calls FreeType
// directly: the glyph loading and rendering for the visible label live in CLabelerShims
// (shims_freetype.c), so only plain integers and byte buffers cross into Swift.
#include <ft2build.h>
#include FT_FREETYPE_H
