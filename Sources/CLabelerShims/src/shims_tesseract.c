// Tesseract, loaded on first use. libtesseract.so.5 brings ~50 shared libraries with it (Leptonica,
// libarchive, libcurl with NSS/GnuTLS/Kerberos, libtiff, libwebp, ICU…); linked at build time they
// cost every labelctl start ~13 ms of dynamic loading, though only `verify --ocr`-style work reads
// pixels with OCR. So the executable does not link it: these definitions of the Tesseract C API
// functions OCREngine calls (same names and types as <tesseract/capi.h>, which the compiler holds
// them to) forward to the library's own, resolved once with dlopen(RTLD_LOCAL) + dlsym.
// CLabelerShims_tesseract_load() reports whether that worked, with dlerror()'s words, before any call.
#include "CLabelerShims.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <tesseract/capi.h>

#define CLABELER_TESS_FUNCTIONS(X)                                                                   \
    X(TessBaseAPIClear) X(TessBaseAPICreate) X(TessBaseAPIDelete) X(TessBaseAPIEnd)                    \
    X(TessBaseAPIGetIterator) X(TessBaseAPIInit3) X(TessBaseAPIRecognize) X(TessBaseAPISetImage)       \
    X(TessBaseAPISetPageSegMode) X(TessBaseAPISetSourceResolution) X(TessBaseAPISetVariable)           \
    X(TessDeleteText) X(TessPageIteratorBaseline) X(TessPageIteratorBoundingBox)                       \
    X(TessResultIteratorConfidence) X(TessResultIteratorDelete) X(TessResultIteratorGetPageIteratorConst) \
    X(TessResultIteratorGetUTF8Text) X(TessResultIteratorNext)

// The library's functions, written once under pthread_once and only read afterwards.
static struct {
#define CLABELER_TESS_POINTER(name) __typeof__(&name) name;
    CLABELER_TESS_FUNCTIONS(CLABELER_TESS_POINTER)
#undef CLABELER_TESS_POINTER
} clabeler_tess;
static pthread_once_t clabeler_tess_once = PTHREAD_ONCE_INIT;
static char clabeler_tess_error[256];

static void clabeler_tess_open(void) {
    void *library = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(clabeler_tess_error, sizeof clabeler_tess_error, "%s", dlerror());
        return;
    }
#define CLABELER_TESS_RESOLVE(name)                                                                   \
    clabeler_tess.name = (__typeof__(&name))dlsym(library, #name);                                    \
    if (clabeler_tess.name == NULL) {                                                                 \
        snprintf(clabeler_tess_error, sizeof clabeler_tess_error, "libtesseract.so.5 lacks %s", #name); \
        memset(&clabeler_tess, 0, sizeof clabeler_tess);                                              \
        return;                                                                                       \
    }
    CLABELER_TESS_FUNCTIONS(CLABELER_TESS_RESOLVE)
#undef CLABELER_TESS_RESOLVE
}

int CLabelerShims_tesseract_load(char *err, size_t err_len) {
    pthread_once(&clabeler_tess_once, clabeler_tess_open);
    if (clabeler_tess.TessBaseAPICreate != NULL) return 0;
    if (err != NULL && err_len > 0) snprintf(err, err_len, "cannot load Tesseract: %s", clabeler_tess_error);
    return -1;
}

// Callers load first (OCREngine does); a call before a successful load would dereference NULL, so
// each forwarder is only reachable through an engine that CLabelerShims_tesseract_load() let exist.
void TessBaseAPIClear(TessBaseAPI *handle) { clabeler_tess.TessBaseAPIClear(handle); }
TessBaseAPI *TessBaseAPICreate(void) { return clabeler_tess.TessBaseAPICreate(); }
void TessBaseAPIDelete(TessBaseAPI *handle) { clabeler_tess.TessBaseAPIDelete(handle); }
void TessBaseAPIEnd(TessBaseAPI *handle) { clabeler_tess.TessBaseAPIEnd(handle); }
TessResultIterator *TessBaseAPIGetIterator(TessBaseAPI *handle) { return clabeler_tess.TessBaseAPIGetIterator(handle); }
int TessBaseAPIInit3(TessBaseAPI *handle, const char *datapath, const char *language) {
    return clabeler_tess.TessBaseAPIInit3(handle, datapath, language);
}
int TessBaseAPIRecognize(TessBaseAPI *handle, ETEXT_DESC *monitor) {
    return clabeler_tess.TessBaseAPIRecognize(handle, monitor);
}
void TessBaseAPISetImage(TessBaseAPI *handle, const unsigned char *imagedata, int width, int height,
                         int bytes_per_pixel, int bytes_per_line) {
    clabeler_tess.TessBaseAPISetImage(handle, imagedata, width, height, bytes_per_pixel, bytes_per_line);
}
void TessBaseAPISetPageSegMode(TessBaseAPI *handle, TessPageSegMode mode) {
    clabeler_tess.TessBaseAPISetPageSegMode(handle, mode);
}
void TessBaseAPISetSourceResolution(TessBaseAPI *handle, int ppi) {
    clabeler_tess.TessBaseAPISetSourceResolution(handle, ppi);
}
BOOL TessBaseAPISetVariable(TessBaseAPI *handle, const char *name, const char *value) {
    return clabeler_tess.TessBaseAPISetVariable(handle, name, value);
}
void TessDeleteText(const char *text) { clabeler_tess.TessDeleteText(text); }
BOOL TessPageIteratorBaseline(const TessPageIterator *handle, TessPageIteratorLevel level, int *x1, int *y1, int *x2,
                              int *y2) {
    return clabeler_tess.TessPageIteratorBaseline(handle, level, x1, y1, x2, y2);
}
BOOL TessPageIteratorBoundingBox(const TessPageIterator *handle, TessPageIteratorLevel level, int *left, int *top,
                                 int *right, int *bottom) {
    return clabeler_tess.TessPageIteratorBoundingBox(handle, level, left, top, right, bottom);
}
float TessResultIteratorConfidence(const TessResultIterator *handle, TessPageIteratorLevel level) {
    return clabeler_tess.TessResultIteratorConfidence(handle, level);
}
void TessResultIteratorDelete(TessResultIterator *handle) { clabeler_tess.TessResultIteratorDelete(handle); }
const TessPageIterator *TessResultIteratorGetPageIteratorConst(const TessResultIterator *handle) {
    return clabeler_tess.TessResultIteratorGetPageIteratorConst(handle);
}
char *TessResultIteratorGetUTF8Text(const TessResultIterator *handle, TessPageIteratorLevel level) {
    return clabeler_tess.TessResultIteratorGetUTF8Text(handle, level);
}
BOOL TessResultIteratorNext(TessResultIterator *handle, TessPageIteratorLevel level) {
    return clabeler_tess.TessResultIteratorNext(handle, level);
}
