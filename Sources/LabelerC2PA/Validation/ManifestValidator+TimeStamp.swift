import Crypto

extension ManifestValidator {
    /// Checks the claim signature's time-stamp, if it has one (C2PA 2.x §10.3.2.5, §15.10;
    /// c2pa-rs `sigtst.rs`), and records it in ``ManifestValidation/timeStamp``:
    ///
    /// | found                                          | status                                   |
    /// |------------------------------------------------|------------------------------------------|
    /// | token verifies for this signature              | `timeStamp.validated` (success)          |
    /// | … and its TSA chains to a trust anchor         | `timeStamp.trusted` (success)            |
    /// | … else                                         | `timeStamp.untrusted` (informational)    |
    /// | imprint / digest / CMS signature wrong         | `timeStamp.mismatch` (informational)     |
    /// | unreadable, or not exactly one token           | `timeStamp.malformed` (informational)    |
    /// | genTime outside the TSA certificate's validity | `timeStamp.outsideValidity` (informational) |
    ///
    /// A bad time-stamp never makes the manifest invalid (as in c2pa-rs): the signature is then
    /// judged without it. `sigTst2` (v2) imprints the signature; legacy `sigTst` (v1) the claim.
    func checkTimeStamp(_ manifest: Manifest, base: String, into result: inout ManifestValidation) {
        let url = base + "/c2pa.signature"
        guard let bytes = manifest.signatureBytes, let sign1 = try? COSE.Sign1(decoding: bytes) else { return }
        let container: CBOR
        let message: [UInt8]
        if let v2 = sign1.unprotected[SignatureTimeStamp.v2Label] {
            container = v2
            message = SignatureTimeStamp.imprintMessage(
                protectedBytes: sign1.protectedBytes, signature: sign1.signature)
        } else if let v1 = sign1.unprotected[SignatureTimeStamp.v1Label] {
            container = v1
            message = SignatureTimeStamp.imprintMessageV1(
                protectedBytes: sign1.protectedBytes, claim: manifest.claimBytes)
        } else {
            return
        }
        var token: TimeStampToken?
        do throws(TimeStampError) {
            var der = try SignatureTimeStamp.token(in: container)
            if let response = try? TimeStampResponse(derEncoded: der) {
                der = try response.grantedToken()  // v1 stored the whole TimeStampResp
            }
            let parsed = try TimeStampToken(derEncoded: der)
            token = parsed
            let verified = try parsed.verify(imprintOf: message)
            var info = ManifestValidation.TimeStamp(time: verified.genTime, validated: true)
            info.authority = verified.authority
            result.statuses.append(
                ValidationStatus(
                    "timeStamp.validated", .success, url: url,
                    "time-stamp by \(verified.authority) at \(verified.genTime) validated"))
            if let anchors = trustAnchors, anchors.timeStampProblem(with: verified.chain, at: verified.genTime) == nil {
                info.trusted = true
                result.statuses.append(
                    ValidationStatus("timeStamp.trusted", .success, url: url, "the TSA chains to a trust anchor"))
            } else {
                result.statuses.append(
                    ValidationStatus(
                        "timeStamp.untrusted", .informational, url: url,
                        trustAnchors == nil ? "no trust anchors configured" : "the TSA is not trusted"))
            }
            result.timeStamp = info
        } catch {
            result.statuses.append(ValidationStatus(error.statusCode, .informational, url: url, "\(error)"))
            if let token { result.timeStamp = .init(time: token.info.genTime, validated: false) }
        }
    }
}
