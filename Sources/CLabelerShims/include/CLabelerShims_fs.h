#ifndef CLABELERSHIMS_FS_H
#define CLABELERSHIMS_FS_H
/* Why this shim exists: syncfs(2) and sync_file_range(2) are GNU extensions that Glibc's Swift
   module does not export. Together they make group commit cheap: writeback of each staged file
   starts as soon as it is written (overlapping disk I/O with the next file's CPU work), and one
   syncfs per group waits for what is left. */

/// Flushes every dirty page of the file system that holds `fd` (one journal commit for a whole
/// group of files). Returns 0 or -1 with errno set, like syncfs(2).
int CLabelerShims_fs_syncfs(int fd);

/// Starts asynchronous writeback of all of `fd`'s dirty pages without waiting
/// (sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE)). Returns 0 or -1 with errno set.
int CLabelerShims_fs_start_writeback(int fd);

#endif
