// libexif shims. libexif never longjmps; what Swift cannot do is implement ExifLogFunc
// (it takes a va_list), so the log is installed here and records instead of printing.
// References: libexif 0.6.24 exif-data.h (ExifDataOption), exif-log.h.
#include "CLabelerShims.h"
#include "shims_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <libexif/exif-data.h>
#include <libexif/exif-log.h>

/// One loaded EXIF block plus the state its log writes to. The log's user data points
/// into this heap object, which outlives the ExifData (freed last in _close), so no log
/// callback can ever see a dangling pointer (the MakerNote object keeps its own log ref).
typedef struct clabeler_exif_document {
    ExifData *data;
    ExifLog *log;
    int problems;
    char message[256];
} clabeler_exif_document;

static void clabeler_exif_log(ExifLog *log, ExifLogCode code, const char *domain,
                              const char *format, va_list args, void *user) {
    (void)log;
    clabeler_exif_document *document = (clabeler_exif_document *)user;
    if (document == NULL || (code != EXIF_LOG_CODE_CORRUPT_DATA && code != EXIF_LOG_CODE_NO_MEMORY)) {
        return;  // EXIF_LOG_CODE_DEBUG / NONE: ignored, never printed
    }
    document->problems++;
    if (document->message[0] == '\0') {
        char text[200];
        vsnprintf(text, sizeof(text), format, args);
        snprintf(document->message, sizeof(document->message), "%s: %s",
                 domain != NULL ? domain : "libexif", text);
    }
}

void *CLabelerShims_exif_open(const uint8_t *data, size_t len) {
    if (data != NULL && len > 0xFFFFFFFFu) {
        return NULL;
    }
    clabeler_exif_document *document = (clabeler_exif_document *)calloc(1, sizeof(*document));
    if (document == NULL) {
        return NULL;
    }
    document->data = exif_data_new();
    document->log = exif_log_new();
    if (document->data == NULL || document->log == NULL) {
        CLabelerShims_exif_close(document);
        return NULL;
    }
    exif_log_set_func(document->log, clabeler_exif_log, document);
    exif_data_log(document->data, document->log);
    // Load and save without adding, fixing or dropping entries (exif_data_fix is skipped)
    // and keep MakerNote bytes verbatim: libexif 0.6.24 re-serialises recognised maker
    // notes otherwise, and empties Apple ones (that variant has no save method).
    exif_data_unset_option(document->data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_unset_option(document->data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
    exif_data_set_option(document->data, EXIF_DATA_OPTION_DONT_CHANGE_MAKER_NOTE);
    if (data != NULL && len > 0) {
        exif_data_load_data(document->data, data, (unsigned int)len);
    }
    return document;
}

void *CLabelerShims_exif_data(void *document) {
    return document != NULL ? ((clabeler_exif_document *)document)->data : NULL;
}

int CLabelerShims_exif_problems(const void *document, char *err, size_t err_len) {
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    if (document == NULL) {
        return 0;
    }
    const clabeler_exif_document *doc = (const clabeler_exif_document *)document;
    clabeler_set_message(err, err_len, doc->message[0] != '\0' ? doc->message : "");
    return doc->problems;
}

void CLabelerShims_exif_close(void *document) {
    if (document == NULL) {
        return;
    }
    clabeler_exif_document *doc = (clabeler_exif_document *)document;
    if (doc->data != NULL) {
        exif_data_unref(doc->data);
    }
    if (doc->log != NULL) {
        exif_log_unref(doc->log);
    }
    free(doc);
}
