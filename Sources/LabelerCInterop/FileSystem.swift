internal import CLabelerShims

/// File-system calls the Swift Glibc module does not export.
package enum FileSystem {
    /// Syncs the whole file system holding `fd`: one journal commit for a group of files.
    /// The corresponding call is `syncfs(2)` (a GNU extension; `fsync` elsewhere).
    /// - Returns: 0, or -1 with `errno` set.
    package static func sync(containing fd: Int32) -> Int32 { CLabelerShims_fs_syncfs(fd) }

    /// Starts writing `fd`'s dirty pages to disk without waiting, so the later group sync has
    /// little left to wait for. The corresponding call is `sync_file_range(2)` with
    /// `SYNC_FILE_RANGE_WRITE` (a no-op where it does not exist).
    /// - Returns: 0, or -1 with `errno` set (callers may ignore it: the later sync still waits).
    @discardableResult
    package static func startWriteback(_ fd: Int32) -> Int32 { CLabelerShims_fs_start_writeback(fd) }
}
