#if canImport(Glibc)
import Glibc
#endif

/// Whether a path exists.
func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }
