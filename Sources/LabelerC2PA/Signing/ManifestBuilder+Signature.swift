import Crypto

extension ManifestBuilder {
    /// The `c2pa.signature` superbox (C2PA 2.x §14; c2pa.md §5.1): one `cbor` box holding
    ///
    /// ```
    /// D2 84  bstr(protected {1: alg, 33: x5chain})  {unprotected}  F6  bstr(signature)
    /// ```
    /// over the detached `claim` (`["Signature1", protected, h'', claim]`). Unsigned (for
    /// ``layout(start:carrierSize:)``), the signature is zeros of ``Signer/signatureSize``.
    func signatureBox(claim: [UInt8], signed: Bool) throws -> [UInt8] {
        let protected = protectedHeader
        let toBeSigned = COSE.Sign1.toBeSigned(protectedBytes: protected, payload: claim)
        let signature = signed ? try signer.sign(toBeSigned) : [UInt8](repeating: 0, count: signer.signatureSize)
        guard signature.count == signer.signatureSize else {
            throw ManifestError("the signer returned \(signature.count) bytes, \(signer.signatureSize) were reserved")
        }
        var unprotected = CBOR.map([])
        if let authority = timeStampAuthority {
            let token = try signed ? timeStampToken(authority, protected: protected, signature: signature) : nil
            unprotected = try SignatureTimeStamp.unprotectedHeader(token: token, budget: timeStampBudget)
        }
        let sign1 = CBOR.tagged(COSE.sign1Tag, .array([.bytes(protected), unprotected, .null, .bytes(signature)]))
            .encoded
        return try JUMBF.Writer.superbox(
            .signature, label: "c2pa.signature", children: [try JUMBF.Writer.contentBox(.cbor, sign1)])
    }

    /// The token for the v2 countersignature imprint of `signature` (C2PA 2.x §10.3.2.5.2).
    private func timeStampToken(
        _ authority: any TimeStampAuthority, protected: [UInt8], signature: [UInt8]
    ) throws -> [UInt8] {
        let message = SignatureTimeStamp.imprintMessage(protectedBytes: protected, signature: signature)
        return try authority.timeStampToken(sha256Imprint: Array(SHA256.hash(data: message)))
    }
}
