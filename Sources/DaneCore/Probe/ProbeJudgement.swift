/// A probe's evidence (transcript, TLS parameters, the chain as sent) judged for one domain's
/// request: the chain verified offline as that domain's handshake would have verified it
/// (`DANEChainVerifier.verify(_:setup:)`: the same OpenSSL DANE and PKIX calls), so one
/// handshake per address serves every domain. Only OpenSSL's result ever says "authenticated".
public enum ProbeJudgement {
    /// The probe as an in-handshake verification under `request` would have left it: OpenSSL's
    /// verification result, the record it matched, the records it refused.
    public static func judge(_ evidence: AddressProbe, for request: ProbeRequest) -> AddressProbe {
        guard let tls = evidence.tls else { return evidence }  // no TLS: nothing to verify
        let outcome = DANEChainVerifier.verify(tls.chain, setup: request.tlsSetup)
        if let failure = outcome.setupFailure {
            // As a session OpenSSL could not set up for the request (TLSSession.init throwing).
            var transcript = evidence.transcript
            transcript.tlsEstablished = false
            transcript.failure = .transport(phase: .handshake, .tls(failure))
            return evidence.with(transcript: transcript, tls: nil, refused: [])
        }
        let judged = TLSSummary(version: tls.version, cipher: tls.cipher, group: tls.group,
                                signatureAlgorithm: tls.signatureAlgorithm, signatureDigest: tls.signatureDigest,
                                keyType: tls.keyType, keyBits: tls.keyBits, keyCurve: tls.keyCurve, chain: tls.chain,
                                verifyCode: outcome.verifyCode, verifyError: outcome.verifyCode == 0 ? nil : outcome.verifyError,
                                daneMatch: outcome.match)
        return evidence.with(transcript: evidence.transcript, tls: judged, refused: outcome.refused)
    }
}
