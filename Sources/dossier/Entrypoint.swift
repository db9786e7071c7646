import DossierShell
import Foundation

/// The `dossier` executable: everything happens in `Shell`.
@main
struct Entrypoint {
    static func main() {
        exit(Shell.main(CommandLine.arguments))
    }
}
