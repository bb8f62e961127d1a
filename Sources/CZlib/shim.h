// zlib 1.2.x (pkg-config `zlib`): crc32_z for PNG chunk CRCs (ISO/IEC 15948 §5.5),
// inflate/deflate for zTXt/iTXt text (§11.3.4). zlib reports errors by return code only.
#include <zlib.h>
