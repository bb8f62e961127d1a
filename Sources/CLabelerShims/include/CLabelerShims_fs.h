#ifndef CLABELERSHIMS_FS_H
#define CLABELERSHIMS_FS_H
/* Why this shim exists: syncfs(2) is a GNU extension that Glibc's Swift module does not export. */

/// Flushes every dirty page of the file system that holds `fd` (one journal commit for a whole
/// group of files). Returns 0 or -1 with errno set, like syncfs(2).
int CLabelerShims_fs_syncfs(int fd);

#endif
