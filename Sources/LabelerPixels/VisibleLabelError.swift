/// Why a visible label cannot be drawn.
package struct VisibleLabelError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
