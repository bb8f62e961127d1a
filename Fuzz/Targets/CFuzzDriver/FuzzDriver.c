// Why this exists: on ELF platforms SwiftPM links every executable with `--defsym main=<Module>_main`
// (so executables can be imported by tests). A libFuzzer target has no Swift `main`, so the link
// fails on an undefined `<Module>_main`; each target therefore defines `<Module>_main` (@_cdecl)
// and calls this, which hands control to libFuzzer through its documented custom-main API
// `LLVMFuzzerRunDriver` (compiler-rt FuzzerInterface.h). Where no such renaming happens, libFuzzer's
// own `main` is used and this is simply not called.
#include <stddef.h>
#include <stdint.h>
#include "CFuzzDriver.h"

extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int labeler_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
