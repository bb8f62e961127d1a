import LabelerPixels

extension Finding.Kind {
    /// The metadata records a watermark the pixels do not show (resized, heavily re-encoded, or
    /// the metadata was copied onto other pixels).
    public static let watermarkMissing = Finding.Kind(rawValue: "watermark.missing")
    /// The pixels carry a watermark whose payload differs from the one the metadata records.
    public static let watermarkMismatch = Finding.Kind(rawValue: "watermark.mismatch")
    /// The image is too small or too flat for an absent watermark to mean anything.
    public static let watermarkInsufficientSignal = Finding.Kind(rawValue: "watermark.insufficient_signal")
    /// A sync pattern was found but the payload did not decode.
    public static let watermarkUnreadable = Finding.Kind(rawValue: "watermark.unreadable")
    /// A watermark was found but no machine-readable label: the metadata was stripped.
    public static let watermarkMetadataGone = Finding.Kind(rawValue: "watermark.metadata_gone")
}

/// When `verify` decodes the pixels to look for the invisible watermark.
public enum PixelCheck: String, Sendable, Hashable, CaseIterable {
    /// Only where it can change the verdict: no machine-readable label was found, or the XMP
    /// records a watermark (then it is confirmed).
    case auto
    /// Always (`--pixels`).
    case always
    /// Never (`--metadata-only`).
    case never
}

extension Verifier {
    /// The `watermark` layer: blind detection of ``LabelerPixels/Watermark`` when ``pixels`` says
    /// so. `recorded`: the payload hex the XMP records (`LabelerWatermark:Payload`);
    /// `labelFound`: whether a machine-readable AI label was found in the metadata.
    func watermarkLayer(_ container: any Container, recorded: String?, labelFound: Bool) -> LayerReport {
        var layer = LayerReport(name: .watermark, status: .notChecked)
        let wanted: Bool
        switch pixels {
        case .always: wanted = true
        case .never: wanted = false
        case .auto: wanted = !labelFound || recorded != nil
        }
        if let recorded { layer.fields["RecordedPayload"] = recorded }
        guard wanted else {
            let why =
                pixels == .never
                ? "pixels not decoded (--metadata-only)"
                : "pixels not decoded: a machine-readable label was found and no watermark is recorded (--pixels forces it)"
            layer.warnings.append(Finding(.notChecked, why))
            return layer
        }
        guard container is PNG.Handler || container is JPEG.Handler else {
            layer.warnings.append(Finding(.notChecked, "\(type(of: container).format): no pixel decoder"))
            return layer
        }
        let raster: Raster
        do {
            raster = try PixelLayer.decode(container, maxPixelCount: VisibleLabelOptions.defaultMaxPixelCount).raster
        } catch {
            layer.warnings.append(Finding(.notChecked, "pixels: \(error)"))
            return layer
        }
        let detection = WatermarkDetector().detect(raster)
        layer.fields["Confidence"] = "z=\(Self.twoDecimals(detection.zScore))"
        layer.fields["FalsePositiveBound"] = Self.scientific(detection.falsePositiveBound)
        layer.fields["Algorithm"] = WatermarkRecord.algorithm
        switch detection.outcome {
        case .detected:
            guard let payload = detection.payload else { break }
            layer.status = .present
            layer.declaresAI = true
            layer.locations = ["pixels (luma), tile origin at (\(detection.offset.x), \(detection.offset.y))"]
            // The resize factor found by the rescale search (watermark.md §5.4); 1 = as marked.
            layer.fields["Scale"] = Self.scaleText(detection.scale)
            layer.fields["Payload"] = payload.hex
            layer.fields["ID"] = String(payload.identifier, radix: 16)
            if let agreement = detection.bitAgreement {
                layer.fields["BitAgreement"] = "\(Int((agreement * 100).rounded())) %"
            }
            if let recorded, recorded.lowercased() != payload.hex {
                layer.status = .invalid
                layer.problems.append(
                    Finding(
                        .watermarkMismatch,
                        "the pixels carry payload \(payload.hex) but the XMP records \(recorded): "
                            + "the metadata does not belong to these pixels"))
            }
            if !labelFound {
                layer.warnings.append(
                    Finding(
                        .watermarkMetadataGone,
                        "no machine-readable label in the metadata (stripped?): only the watermark remains; "
                            + "match payload \(payload.hex) to its C2PA manifest (soft binding)"))
            }
        case .unreadable:
            layer.status = .absent
            layer.warnings.append(
                Finding(.watermarkUnreadable, "a watermark sync pattern is present but the payload did not decode"))
        case .insufficientSignal:
            layer.status = .absent
            layer.warnings.append(
                Finding(
                    .watermarkInsufficientSignal,
                    "insufficient signal: the image is too small or too flat to tell whether it was watermarked"))
        case .absent:
            layer.status = .absent
        }
        if recorded != nil, detection.outcome != .detected {
            layer.warnings.append(
                Finding(
                    .watermarkMissing,
                    "the XMP records a watermark but the pixels do not show it (resized or heavily re-encoded?)"))
        }
        return layer
    }

    /// `1`, `0.5`, `1.497`: three decimals at most.
    static func scaleText(_ scale: Double) -> String {
        let rounded = (scale * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func twoDecimals(_ value: Double) -> String { String(Double(Int((value * 100).rounded())) / 100) }

    /// `1.2e-7` style, `0` below 1e-300.
    static func scientific(_ value: Double) -> String {
        guard value >= 1e-300 else { return "0" }
        var exponent = 0
        var mantissa = value
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        while mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        return exponent == 0 ? twoDecimals(value) : "\(Double(Int((mantissa * 10).rounded())) / 10)e\(exponent)"
    }
}
