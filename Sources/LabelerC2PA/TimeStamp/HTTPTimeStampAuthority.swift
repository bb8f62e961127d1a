import Dispatch
public import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An RFC 3161 TSA over HTTP (RFC 3161 §3.4): POST the DER request as
/// `application/timestamp-query`, read an `application/timestamp-reply`.
///
/// Blocking by design: signing runs on the pipeline's Dispatch workers, which are not threads of
/// URLSession's delegate queue, so the worker waits on a semaphore the completion handler signals
/// (bounded by ``timeout``). One session per request keeps the type free of shared state.
public struct HTTPTimeStampAuthority: TimeStampAuthority {
    public let url: URL
    /// Seconds before a request is abandoned.
    public var timeout: TimeInterval

    public var name: String { url.absoluteString }

    /// - Throws: when `url` is not http or https.
    public init(url: URL, timeout: TimeInterval = 30) throws {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw ManifestError("time-stamp authority '\(url.absoluteString)': not an http(s) URL")
        }
        self.url = url
        self.timeout = timeout
    }

    public func timeStampToken(sha256Imprint: [UInt8]) throws -> [UInt8] {
        let request = try TimeStampRequest(sha256Imprint: sha256Imprint)
        let body = try post(request.der)
        do {
            let token = try TimeStampToken(derEncoded: try TimeStampResponse(derEncoded: body).grantedToken())
            try request.check(token)
            return token.der
        } catch {
            throw TimeStampAuthorityError(.unavailable, "time-stamp authority \(name): \(error)")
        }
    }

    /// The body of a 200 reply to `body`.
    private func post(_ body: [UInt8]) throws -> [UInt8] {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/timestamp-query", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body)
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            outcome.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }.resume()
        if done.wait(timeout: .now() + timeout + 5) == .timedOut {
            throw TimeStampAuthorityError(
                .unavailable, "time-stamp authority \(name): no answer within \(Int(timeout)) s")
        }
        let (data, status, error) = outcome.value
        if let error {
            throw TimeStampAuthorityError(.unavailable, "time-stamp authority \(name): \(error.localizedDescription)")
        }
        guard status == 200, let data else {
            throw TimeStampAuthorityError(
                .unavailable, "time-stamp authority \(name): HTTP status \(status.map(String.init) ?? "none")")
        }
        return Array(data)
    }

    private final class Outcome: @unchecked Sendable {
        // Written once by the completion handler before it signals, read after the wait: the
        // semaphore orders the two.
        private(set) var value: (Data?, Int?, (any Error)?) = (nil, nil, nil)
        func set(data: Data?, status: Int?, error: (any Error)?) { value = (data, status, error) }
    }
}
