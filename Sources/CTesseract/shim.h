// Tesseract 5 (pkg-config `tesseract`, Debian libtesseract-dev): its C API only. Swift reaches it
// through LabelerCInterop's OCREngine, which hands raw gray bytes in and plain strings and boxes out;
// Leptonica (`lept`) comes in as Tesseract's own dependency and is never called directly.
#include <tesseract/capi.h>
