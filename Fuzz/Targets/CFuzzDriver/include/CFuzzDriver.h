// Runs libFuzzer from a `main` we define, for executables linked by SwiftPM (see FuzzDriver.c).
#ifndef LABELER_CFUZZDRIVER_H
#define LABELER_CFUZZDRIVER_H

/// Runs libFuzzer's driver on this executable's `LLVMFuzzerTestOneInput` with the command line
/// `argc`/`argv` (libFuzzer flags, corpus directories or files to replay). Returns the exit status.
int labeler_fuzz_main(int argc, char **argv);

#endif
