#define _GNU_SOURCE
#include <unistd.h>
#include "CLabelerShims_fs.h"

int CLabelerShims_fs_syncfs(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    return fsync(fd);
#endif
}
