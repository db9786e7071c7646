import CEditline
import Synchronization
import Glibc

/// The completer of the one live `EditlineLineSource`, for the C completion callback.
private let activeCompleter = Mutex<(complete: Completer, show: CandidateDisplay)?>(nil)

/// How a candidate is shown in the list a second Tab prints, and how many columns that takes: a name from a file can
/// hold escape sequences, which must not reach the terminal (the line itself gets the candidate as it is).
public typealias CandidateDisplay = @Sendable (String) -> (text: String, columns: Int)
/// Whether an `EditlineLineSource` is open.
private let editorOpen = Mutex(false)

/// An interactive line editor on libedit, with persistent history and tab completion.
///
/// - Only one may exist at a time: libedit's terminal handling (and its signal handlers)
///   are process-wide. Creating a second while the first is open is a programming error
///   (precondition failure). `close()` the first (or let it deinit) before making another.
/// - Use it from one thread at a time (it is not `Sendable`).
/// - `readLine` wraps ANSI escape sequences (`ESC[...m` and other `ESC` sequences) in the
///   prompt in `\u{1}`...`\u{2}` so libedit does not count them as columns; a prompt that
///   already contains `\u{1}` is taken as wrapped by the caller.
/// - Ctrl-C at the prompt returns `.interrupted` after moving to a fresh line; Ctrl-D on an
///   empty line returns `.endOfInput` after moving to a fresh line.
/// - The process's `LC_CTYPE` is switched to a UTF-8 locale (the environment's, else
///   `C.UTF-8`), which libedit needs to accept non-ASCII input.
/// - Tab completion: see `CompletionWord` (which word) and `CompletionResult` (what is
///   inserted). A Tab that cannot add anything lists the candidates; no match beeps.
///   libedit's file-name completion is never used.
/// - History is kept in libedit's own format (`_HiStOrY_V2_` header, vis(3)-encoded
///   lines), which GNU readline cannot read. Each line added writes the whole in-memory history
///   (a temporary file renamed over the old), so with two sessions at once the last to save wins. `~/.editrc` is read.
/// - Uses libedit's native API, not its readline emulation (whose `rl_line_buffer` is
///   corrupted by long non-ASCII lines on Tab in libedit 3.1-20221030).
public final class EditlineLineSource: LineSource {
    public let programName: String
    public let historyFile: String?
    public let historyLimit: Int
    private let editor: UnsafeMutablePointer<dossier_editor>?
    /// Used only if libedit could not start (el_init failed).
    private var fallback: StandardInputLineSource?
    private var persistHistory: Bool
    private var lastHistoryEntry: String?
    /// Whether the newest history entry is a command that did not parse (kept to fix, never saved).
    private var holdsUnparsedEntry = false
    /// Commands entered since the history file was last written, added to what the file holds then.
    private var unsavedEntries: [String] = []
    private var closed = false

    /// `historyFile` nil disables persistence. `historyLimit` caps entries kept (1000 by default).
    public init(programName: String, historyFile: String?, historyLimit: Int = 1000,
                completer: @escaping Completer, showCandidate: @escaping CandidateDisplay) {
        let alreadyOpen = editorOpen.withLock { open in
            defer { open = true }
            return open
        }
        precondition(!alreadyOpen,
                     "only one EditlineLineSource may exist at a time (libedit's terminal state is global); close() the other first")
        self.programName = programName
        self.historyFile = historyFile
        self.historyLimit = max(1, historyLimit)
        self.persistHistory = historyFile != nil

        _ = dossier_ensure_utf8_ctype()
        Interrupt.install()
        activeCompleter.withLock { $0 = (completer, showCandidate) }
        editor = dossier_editor_open(programName, completeFunction)
        if let editor {
            _ = dossier_history_set_size(editor, Int32(clamping: self.historyLimit))
            if let historyFile { loadHistory(from: historyFile) }
        } else {
            writeToStandardError("\(programName): warning: cannot start the line editor; reading plain lines\n")
            fallback = StandardInputLineSource()
            persistHistory = false
        }
    }

    deinit {
        close()
    }

    public var isInteractive: Bool { true }

    public func readLine(prompt: String) -> LineInput {
        precondition(!closed, "readLine on a closed EditlineLineSource")
        guard let editor else {
            writeAll(1, prompt)
            return fallback!.readLine(prompt: prompt)
        }
        Interrupt.reset()
        // libedit's marker is one character around ignored text: \1 ... \1.
        let libeditPrompt = String(Self.wrapEscapes(prompt).map { $0 == "\u{2}" ? "\u{1}" : $0 })
        var count: Int32 = 0
        errno = 0
        let result = dossier_editor_gets(editor, libeditPrompt, &count)
        let savedErrno = errno
        guard let result, count > 0 else {
            if Interrupt.isRequested || savedErrno == EINTR {
                Interrupt.reset()
                writeAll(1, "\n")
                return .interrupted
            }
            writeAll(1, "\n")
            return .endOfInput
        }
        var line = String(cString: result)  // repairs invalid UTF-8
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Records a command in history, unless it is empty (or only blanks) or repeats the previous entry, and writes
    /// the history file at once, so a closed terminal, SIGHUP or a crash loses nothing. A failure to write is
    /// reported once; history is then kept in memory only. A command that did not parse is kept only until the
    /// next command (Up brings it back to fix) and never written: the file holds commands that parsed.
    public func addHistory(_ line: String, parsed: Bool) {
        guard !closed, let editor else { return }
        dropUnparsedEntry()
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        guard line != lastHistoryEntry else { return }
        _ = dossier_history_enter(editor, line)
        guard parsed else {
            holdsUnparsedEntry = true
            return
        }
        lastHistoryEntry = line
        unsavedEntries.append(line)
        do {
            try saveHistory()
        } catch {
            persistHistory = false
            writeToStandardError("\(error); history will not be saved this session\n")
        }
    }

    /// Takes the command that did not parse out of history again, once the user has moved on.
    private func dropUnparsedEntry() {
        guard holdsUnparsedEntry, let editor else { return }
        _ = dossier_history_remove_newest(editor)
        holdsUnparsedEntry = false
    }

    /// Writes history now (also done on deinit/close), without a command that did not parse. Throws with a message on failure.
    ///
    /// Writes a temporary file (mode 0600) in the same directory, cuts it to `historyLimit`
    /// entries, then renames it over `historyFile`. Creates missing directories (mode 0700), and says so.
    public func saveHistory() throws {
        guard !closed else { return }
        dropUnparsedEntry()
        guard persistHistory, let editor, let historyFile else { return }
        // A terminal closed mid-save (SIGHUP) or a kill (SIGTERM) waits until the file is in place: it left the
        // temporary file behind, empty, one more for every closed window.
        var hangUps = sigset_t()
        sigemptyset(&hangUps)
        sigaddset(&hangUps, SIGHUP)
        sigaddset(&hangUps, SIGTERM)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &hangUps, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
        // Through a symbolic link (history kept with one's dotfiles) the file it points to is replaced, not the link.
        let path = Self.resolvedLink(historyFile)
        let failure = { (what: String, code: Int32) in
            LineEditingError("\(self.programName): cannot save history to \(path): \(what): \(String(cString: strerror(code)))")
        }
        let directory = Self.directory(of: path)
        var existing = stat()
        let made = stat(directory, &existing) != 0
        if let code = Self.makeDirectories(directory) {
            throw failure("cannot create \(directory)", code)
        }
        // A mistyped $DOSSIER_HISTORY would otherwise grow folders nobody asked for without a word.
        if made { writeToStandardError("\(programName): note: made the folder \(directory) to keep the history in\n") }
        let base = path.split(separator: "/").last.map(String.init) ?? "history"
        let temporary = "\(directory)/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create \(temporary)", errno) }
        closeDescriptor(fd)
        var code: Int32 = 0
        // Another session may have saved since this one did (two terminals): its commands are read back and this
        // session's new ones added after them, under a lock on the folder so that two saves do not interleave.
        let folderLock = open(directory, O_RDONLY | O_CLOEXEC)
        if folderLock >= 0 { _ = flock(folderLock, LOCK_EX) }
        defer { if folderLock >= 0 { closeDescriptor(folderLock) } }
        var pieces = unsavedEntries.map { UnsafePointer(strdup($0)) }
        defer { pieces.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        var written = dossier_history_merge_save(path, &pieces, Int32(pieces.count), Int32(clamping: historyLimit), temporary)
        // A file another program left unreadable: this session's own history is written, as before merging.
        if written == -2 { written = dossier_history_save(editor, temporary) }
        if written < 0 {
            code = errno != 0 ? errno : EIO
            unlink(temporary)
            throw failure("writing \(temporary) failed", code)
        }
        // Not readline's history_truncate_file: libedit's (3.1-20221030) keeps the last N
        // *lines*, header included, so cutting drops the `_HiStOrY_V2_` line and loading
        // then rejects the file. H_SETSIZE already caps memory; this is a backstop.
        if let code = Self.truncateHistoryFile(temporary, keeping: historyLimit) {
            unlink(temporary)
            throw failure("truncating \(temporary) failed", code)
        }
        let syncFD = open(temporary, O_RDONLY | O_CLOEXEC)
        if syncFD >= 0 {
            _ = fsync(syncFD)
            closeDescriptor(syncFD)
        }
        if chmod(temporary, 0o600) != 0 {
            code = errno
            unlink(temporary)
            throw failure("chmod \(temporary) failed", code)
        }
        if rename(temporary, path) != 0 {
            code = errno
            unlink(temporary)
            throw failure("rename failed", code)
        }
        unsavedEntries.removeAll()
    }

    /// Saves history (a failure is reported on standard error) and frees the editor slot.
    public func close() {
        guard !closed else { return }
        do {
            try saveHistory()
        } catch {
            writeToStandardError("\(error)\n")
        }
        closed = true
        if let editor { dossier_editor_close(editor) }
        activeCompleter.withLock { $0 = nil }
        editorOpen.withLock { $0 = false }
    }

    // MARK: History loading

    private func loadHistory(from path: String) {
        var info = stat()
        // Missing (or unreachable: saving will then report why): start empty.
        guard stat(path, &info) == 0 else { return }
        // A folder, FIFO or device under the history's name is not ours: it is neither read (a FIFO would block,
        // a device never end) nor moved aside nor replaced.
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let kind = switch info.st_mode & S_IFMT {
            case S_IFDIR: "a folder"
            case S_IFIFO: "a FIFO"
            case S_IFCHR, S_IFBLK: "a device"
            default: "not a regular file"
            }
            persistHistory = false
            writeToStandardError("\(programName): warning: history file \(path) is \(kind); left alone, and history will not be saved this session\n")
            return
        }
        switch Self.readWhole(path) {
        case .failure(let code):
            setAside(path, because: "cannot be read (\(String(cString: strerror(code))))")
            return
        case .success(let bytes):
            if bytes.isEmpty { return }
            guard Self.looksLikeHistory(bytes) else {
                setAside(path, because: "is not a libedit history file")
                return
            }
        }
        guard let editor else { return }
        if dossier_history_load(editor, path) < 0 {
            dossier_history_clear(editor)
            setAside(path, because: "could not be loaded")
            return
        }
        if let last = dossier_history_newest(editor) {
            lastHistoryEntry = String(cString: last)
        }
    }

    /// Keeps the header line and the last `limit` entry lines of a libedit history file.
    /// nil on success, else errno.
    static func truncateHistoryFile(_ path: String, keeping limit: Int) -> Int32? {
        let bytes: [UInt8]
        switch readWhole(path) {
        case .failure(let code): return code
        case .success(let all): bytes = all
        }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count > limit + 1 else { return nil }
        var kept: [UInt8] = Array(lines[0]) + [0x0A]
        for line in lines.suffix(limit) { kept += line; kept.append(0x0A) }
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { closeDescriptor(fd) }
        var offset = 0
        while offset < kept.count {
            let n = kept.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return fsync(fd) == 0 ? nil : errno
    }

    /// libedit's format: the `_HiStOrY_V2_` line, then text lines (UTF-8, no NUL bytes).
    static func looksLikeHistory(_ bytes: [UInt8]) -> Bool {
        let header = Array("_HiStOrY_V2_\n".utf8)
        guard bytes.starts(with: header) else { return false }
        guard !bytes.contains(0) else { return false }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    private func setAside(_ path: String, because reason: String) {
        // A link (history kept with one's dotfiles) leads to a file of the user's: neither it nor the link is moved.
        var link = stat()
        if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            persistHistory = false
            writeToStandardError("\(programName): warning: history file \(path) \(reason); it is a link, left alone, and history will not be saved this session\n")
            return
        }
        var aside = "\(path).corrupt-\(Self.timestamp())"
        var info = stat()
        var attempt = 1
        while lstat(aside, &info) == 0 && attempt < 100 {
            aside = "\(path).corrupt-\(Self.timestamp())-\(attempt)"
            attempt += 1
        }
        if rename(path, aside) == 0 {
            writeToStandardError("\(programName): warning: history file \(path) \(reason); moved it to \(aside) and started with empty history\n")
        } else {
            let why = String(cString: strerror(errno))
            persistHistory = false
            writeToStandardError("\(programName): warning: history file \(path) \(reason) and could not be moved aside (\(why)); history will not be saved this session\n")
        }
    }

    /// A history file's bytes, or the errno that stopped reading it.
    private enum ReadResult { case success([UInt8]), failure(Int32) }

    private static func readWhole(_ path: String) -> ReadResult {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(errno) }
        defer { closeDescriptor(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n == 0 { return .success(bytes) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(errno)
            }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var text = [CChar](repeating: 0, count: 32)
        let n = strftime(&text, text.count, "%Y%m%dT%H%M%SZ", &parts)
        return String(decoding: text[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The file a symbolic link points to (followed to the end), or `path` itself when it is not a link.
    static func resolvedLink(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `mkdir -p` with mode 0700; nil on success, else errno.
    private static func makeDirectories(_ directory: String) -> Int32? {
        var info = stat()
        if stat(directory, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : ENOTDIR
        }
        let parent = Self.directory(of: directory)
        if parent != directory, let code = makeDirectories(parent) { return code }
        if mkdir(directory, 0o700) != 0 && errno != EEXIST { return errno }
        return nil
    }

    // MARK: Prompt

    /// Wraps each ANSI escape sequence in `\u{1}`...`\u{2}` so libedit does not count it as
    /// printing columns. A prompt that already contains `\u{1}` is returned unchanged.
    public static func wrapEscapes(_ prompt: String) -> String {
        let bytes = Array(prompt.utf8)
        guard bytes.contains(0x1B), !bytes.contains(0x01) else { return prompt }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var end = i + 1  // one past the sequence
            if end < bytes.count {
                switch bytes[end] {
                case UInt8(ascii: "["):  // CSI: parameters, then a final byte 0x40...0x7E
                    end += 1
                    while end < bytes.count && !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                    end = min(end + 1, bytes.count)
                case UInt8(ascii: "]"):  // OSC: up to BEL or ESC \
                    end += 1
                    while end < bytes.count && bytes[end] != 0x07
                        && !(bytes[end] == 0x1B && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\\")) {
                        end += 1
                    }
                    if end < bytes.count { end += bytes[end] == 0x07 ? 1 : 2 }
                    end = min(end, bytes.count)
                default:
                    end += 1
                }
            }
            out.append(0x01)
            out.append(contentsOf: bytes[i..<end])
            out.append(0x02)
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }
}

// MARK: Completion (runs inside el_gets, on the reading thread; not in a signal handler)

private let completeFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
    guard let el else { return UInt8(CC_ERROR) }
    guard let (completer, show) = activeCompleter.withLock({ $0 }) else { return UInt8(CC_ERROR) }
    var cursor: Int32 = 0
    guard let buffer = dossier_el_line(el, &cursor), cursor >= 0 else { return UInt8(CC_ERROR) }
    let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: Int(cursor)), as: UTF8.self)
    let (word, candidates) = completer(line)
    let result = CompletionResult(word: word, candidates: candidates)
    guard !result.candidates.isEmpty else { return UInt8(CC_ERROR) }  // beeps
    let typed = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(word.start)))
    if let replacement = result.replacement, replacement != typed {
        let deleted = typed.unicodeScalars.count
        if dossier_el_replace_before_cursor(el, Int32(deleted), replacement) != 0 {
            return UInt8(CC_ERROR)
        }
        return UInt8(CC_REFRESH)
    }
    if result.candidates.count > 1 {
        dossier_el_print("\n" + formatCandidateList(result.candidates.map(show), width: terminalWidth()))
        return UInt8(CC_REDISPLAY)
    }
    return UInt8(CC_ERROR)
}

/// Candidates in columns, sorted case-insensitively, down then across, like a shell does.
func formatCandidateList(_ candidates: [(text: String, columns: Int)], width: Int) -> String {
    let sorted = candidates.sorted { $0.text.lowercased() < $1.text.lowercased() }
    let widest = sorted.map(\.columns).max() ?? 0
    let columnWidth = widest + 2
    let columns = max(1, min(sorted.count, (width + 2) / columnWidth))
    let rows = (sorted.count + columns - 1) / columns
    var out = ""
    for row in 0..<rows {
        var line = ""
        for column in 0..<columns {
            let index = column * rows + row
            guard index < sorted.count else { break }
            let item = sorted[index]
            let isLast = column == columns - 1 || (column + 1) * rows + row >= sorted.count
            line += isLast ? item.text : item.text + String(repeating: " ", count: max(0, columnWidth - item.columns))
        }
        out += line + "\n"
    }
    return out
}

private func terminalWidth() -> Int {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
    return 80
}
