internal import CLabelerShims

/// File-system calls the Swift Glibc module does not export.
package enum FileSystem {
    /// Syncs the whole file system holding `fd`: one journal commit for a group of files.
    /// The corresponding call is `syncfs(2)` (a GNU extension; `fsync` elsewhere).
    /// - Returns: 0, or -1 with `errno` set.
    package static func sync(containing fd: Int32) -> Int32 { CLabelerShims_fs_syncfs(fd) }
}
