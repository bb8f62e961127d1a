// libpng 1.6 (pkg-config `libpng`). Only <png.h>: Swift never calls libpng directly,
// every libpng call that may png_error/longjmp lives in CLabelerShims (style.md §2.5).
#include <png.h>
