import Testing
@testable import DossierCore
