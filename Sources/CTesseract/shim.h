// Tesseract 5 (pkg-config `tesseract`, Debian libtesseract-dev): its C API only. Swift reaches it
// through LabelerCInterop's OCREngine, which hands raw gray bytes in and plain strings and boxes out;
// Leptonica (`lept`) comes in as Tesseract's own dependency and is never called directly. Nothing
// here links libtesseract: CLabelerShims defines the functions OCREngine calls and loads the
// library on first use (shims_tesseract.c), so labelctl starts without its ~50 libraries.
#include <tesseract/capi.h>
