// libexif 0.6.x (pkg-config `libexif`). libexif never longjmps, so Swift may call it
// directly; its va_list log callback is installed from CLabelerShims (style.md §2.5 rule 5).
#include <libexif/exif-data.h>
#include <libexif/exif-content.h>
#include <libexif/exif-entry.h>
#include <libexif/exif-log.h>
#include <libexif/exif-mem.h>
#include <libexif/exif-tag.h>
#include <libexif/exif-utils.h>
