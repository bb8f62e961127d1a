#!/usr/bin/env python3
"""Interop check with c2pa-python (the C2PA reference implementation, c2pa-rs, from PyPI).

labelctl validates C2PA manifests natively in Swift. This script holds its verdicts against the
reference on every c2pa-rs fixture kept in Tests/Fixtures, and on files c2pa-python signs here
with the c2pa-rs test credentials (untouched, and with a pixel changed after signing):

- the validation state agrees: labelctl's c2pa layer `ValidationState` valid/invalid against the
  reader's Valid/Invalid (no trust anchors on either side), and trusted/valid/invalid against
  Trusted/Valid/Invalid with the c2pa-rs test root bundle as anchors on both sides (the c2pa-rs
  fixtures are PS256 with RSA-PSS chains);
- the failure codes agree, `signingCredential.untrusted` aside (labelctl reports it as a warning);
- a file c2pa-rs signed as trainedAlgorithmicMedia reads as `labelled` (the c2pa layer declares AI);
- files labelctl signed with `--tsa` (a loopback `openssl ts` responder) carry a sigTst2 token
  c2pa-rs validates (`timeStamp.validated`, and `timeStamp.trusted` with the TSA root as anchor).

Prints one line per case and `c2pa interop: N passed, M failed`; exits 1 on any failure.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile

from c2pa import Builder, C2paSignerInfo, C2paSigningAlg, Context, Reader, Settings, Signer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "c2pa-rs")
LABELCTL = os.environ.get("LABELCTL", os.path.join(ROOT, ".build", "debug", "labelctl"))
TOLERATED = {"signingCredential.untrusted"}
# labelctl trusts the user's own development root by default: keep this run's config folder empty.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="c2pa-interop-config-")

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


ANCHORS = os.path.join(FIXTURES, "certs", "test_cert_root_bundle.pem")


def reference(path, anchors=None):
    """(state, failure codes) from c2pa-python, with the PEM file `anchors` as trust anchors if given."""
    context = Context(Settings.from_dict({"trust": {"trust_anchors": open(anchors).read()}})) if anchors else None
    with (Reader(path, context=context) if context else Reader(path)) as reader:
        state = reader.get_validation_state()
        results = reader.get_validation_results() or {}
        failures = {s["code"] for s in (results.get("activeManifest") or {}).get("failure", [])}
    return state.lower(), failures - TOLERATED


def ours(path, anchors=None):
    """(verdict, c2pa layer) from labelctl verify --json [--trust-anchors anchors]."""
    trust = ["--trust-anchors", anchors] if anchors else []
    out = subprocess.run([LABELCTL, "verify", "--json"] + trust + [path], capture_output=True, text=True)
    report = json.loads(out.stdout.splitlines()[0])
    layer = next(layer for layer in report["layers"] if layer["name"] == "c2pa")
    return report["verdict"], layer


def compare(name, path, anchors=None):
    ref_state, ref_failures = reference(path, anchors)
    verdict, layer = ours(path, anchors)
    state = layer["fields"].get("ValidationState", layer["status"])
    codes = {p["kind"][len("c2pa."):] for p in layer["problems"] if p["kind"].startswith("c2pa.")}
    if anchors:
        name += " (trust anchors)"
    check(f"{name}: state {state} = c2pa-python {ref_state}", state == ref_state, f"labelctl {layer}")
    check(f"{name}: failures {sorted(codes)} = c2pa-python {sorted(ref_failures)}", codes == ref_failures)
    return verdict, layer


def sign(source, destination, mime):
    """Signs `source` with c2pa-python and the c2pa-rs ES256 test credentials, as trainedAlgorithmicMedia."""
    info = C2paSignerInfo(
        alg=C2paSigningAlg.ES256,
        sign_cert=open(os.path.join(FIXTURES, "certs", "es256.pub"), "rb").read(),
        private_key=open(os.path.join(FIXTURES, "certs", "es256.pem"), "rb").read(),
        ta_url=None,
    )
    manifest = {
        "claim_generator_info": [{"name": "labeler-interop", "version": "1.0"}],
        "assertions": [{"label": "c2pa.actions", "data": {"actions": [{
            "action": "c2pa.created",
            "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
            "softwareAgent": {"name": "ExampleGen", "version": "2.1"}}]}}],
    }
    context = Context(Settings.from_dict({"builder": {"thumbnail": {"enabled": False}}}))
    with Signer.from_info(info) as signer, Builder(manifest, context) as builder:
        with open(source, "rb") as src, open(destination, "w+b") as dst:
            builder.sign(signer, mime, src, dst)


def signed_by_labelctl(work):
    """labelctl stamp --sign with the c2pa-rs test credentials; c2pa-python must read Valid, and
    Trusted once the c2pa-rs test root is its anchor, with the AI digital source type."""
    anchors = open(os.path.join(FIXTURES, "certs", "test_cert_root_bundle.pem")).read()
    trusted = Context(Settings.from_dict({"trust": {"trust_anchors": anchors}}))
    for alg in ["es256", "ed25519", "ps256"]:
        out = os.path.join(work, "labelctl-" + alg)
        inputs = [os.path.join(ROOT, "SampleMedia", s) for s in
                  ("photos/astronaut.jpg", "photos/coffee.png", "edge/xmp-exiftool.jpg", "edge/palette.png")]
        run = subprocess.run([LABELCTL, "stamp", "-q", "--generator", "ExampleGen", "--generator-version", "2.1",
                              "--producer", "Acme Corp", "--sign", "--cert", os.path.join(FIXTURES, "certs", alg + ".pub"),
                              "--key", os.path.join(FIXTURES, "certs", alg + ".pem"), "-o", out] + inputs,
                             capture_output=True, text=True)
        check(f"labelctl stamp --sign ({alg}) exits 0", run.returncode == 0, run.stderr)
        for name in sorted(os.listdir(out)):
            path = os.path.join(out, name)
            state, failures = reference(path)
            check(f"signed by labelctl ({alg}): {name}: c2pa-python state {state}, failures {sorted(failures)}",
                  state == "valid" and not failures)
            with Reader(path, context=trusted) as reader:
                store = json.loads(reader.json())
                active = store["manifests"][store["active_manifest"]]
                sources = [a.get("digitalSourceType") for x in active["assertions"] if x["label"].startswith("c2pa.actions")
                           for a in x["data"]["actions"]]
                check(f"signed by labelctl ({alg}): {name}: Trusted with the test root, trainedAlgorithmicMedia",
                      reader.get_validation_state() == "Trusted" and any(s and s.endswith("/trainedAlgorithmicMedia") for s in sources),
                      f"{reader.get_validation_state()} {sources}")
            verdict, layer = compare(f"signed by labelctl ({alg}): {name}", path)
            check(f"signed by labelctl ({alg}): {name}: labelctl reads it labelled", verdict == "labelled")
            compare(f"signed by labelctl ({alg}): {name}", path, ANCHORS)


def watermarked(work):
    """labelctl stamp --watermark --sign: c2pa-python reads Valid and sees the c2pa.soft-binding
    assertion with the payload the XMP records; with the metadata stripped, labelctl verify still
    finds the same payload in the pixels."""
    out = os.path.join(work, "labelctl-watermark")
    inputs = [os.path.join(ROOT, "SampleMedia", s) for s in ("photos/rocket.jpg", "photos/chelsea.png")]
    run = subprocess.run([LABELCTL, "stamp", "-q", "--generator", "ExampleGen", "--producer", "Acme Corp", "--watermark",
                          "--sign", "--cert", os.path.join(FIXTURES, "certs", "es256.pub"),
                          "--key", os.path.join(FIXTURES, "certs", "es256.pem"), "-o", out] + inputs,
                         capture_output=True, text=True)
    check("labelctl stamp --watermark --sign exits 0", run.returncode == 0, run.stderr)
    for name in sorted(os.listdir(out)):
        path = os.path.join(out, name)
        state, failures = reference(path)
        check(f"watermarked + signed: {name}: c2pa-python state {state}, failures {sorted(failures)}",
              state == "valid" and not failures)
        with Reader(path) as reader:
            store = json.loads(reader.json())
            active = store["manifests"][store["active_manifest"]]
            bindings = [a["data"] for a in active["assertions"] if a["label"] == "c2pa.soft-binding"]
        report = json.loads(subprocess.run([LABELCTL, "verify", "--json", path], capture_output=True,
                                           text=True).stdout.splitlines()[0])
        layer = next(layer for layer in report["layers"] if layer["name"] == "watermark")
        payload = layer["fields"].get("Payload", "")
        value = bindings[0]["blocks"][0]["value"] if bindings else None
        # c2pa-python's JSON shows a CBOR byte string as base64.
        value_hex = bytes(value).hex() if isinstance(value, list) else base64.b64decode(str(value)).hex()
        check(f"watermarked + signed: {name}: soft binding {bindings[0]['alg'] if bindings else None} {value_hex} = pixels {payload}",
              len(bindings) == 1 and bindings[0]["alg"] == "org.labeler.spread-spectrum.1" and payload
              and value_hex == payload, f"{bindings} {layer}")


def over_third_party(work):
    """labelctl stamp --sign (no --force) over files signed by others (c2pa-rs fixtures, c2pa-python
    output, JPEG and PNG): the old manifest becomes the parentOf ingredient; c2pa-python reads the
    result Valid (Trusted with the test root), names the parent, and labelctl agrees."""
    inputs = [os.path.join(FIXTURES, "CA.jpg"), os.path.join(FIXTURES, "CACA.jpg"),
              os.path.join(work, "signed-astronaut.jpg"), os.path.join(work, "signed-coffee.png")]
    parents = {}
    for path in inputs:
        with Reader(path) as reader:
            parents[os.path.basename(path)] = json.loads(reader.json())["active_manifest"]
    out = os.path.join(work, "over-third-party")
    run = subprocess.run([LABELCTL, "stamp", "-q", "--generator", "ExampleGen", "--producer", "Acme", "--sign",
                          "--cert", os.path.join(FIXTURES, "certs", "es256.pub"),
                          "--key", os.path.join(FIXTURES, "certs", "es256.pem"), "-o", out] + inputs,
                         capture_output=True, text=True)
    check("stamp --sign over third-party manifests exits 0 without --force", run.returncode == 0, run.stderr)
    anchors = open(os.path.join(FIXTURES, "certs", "test_cert_root_bundle.pem")).read()
    trusted = Context(Settings.from_dict({"trust": {"trust_anchors": anchors}}))
    for name in sorted(os.listdir(out)):
        path = os.path.join(out, name)
        state, failures = reference(path)
        check(f"re-signed over {name}: c2pa-python Valid, no failures", state == "valid" and not failures,
              f"{state} {sorted(failures)}")
        with Reader(path, context=trusted) as reader:
            store = json.loads(reader.json())
            active = store["manifests"][store["active_manifest"]]
            ingredients = active.get("ingredients", [])
            actions = [a for x in active["assertions"] if x["label"].startswith("c2pa.actions") for a in x["data"]["actions"]]
            check(f"re-signed over {name}: Trusted with the test root; parentOf {parents[name]}; opened as trainedAlgorithmicMedia",
                  reader.get_validation_state() == "Trusted"
                  and [(i.get("relationship"), i.get("active_manifest")) for i in ingredients] == [("parentOf", parents[name])]
                  and parents[name] in store["manifests"]
                  and actions[0]["action"] == "c2pa.opened"
                  and actions[0].get("digitalSourceType", "").endswith("/trainedAlgorithmicMedia"),
                  f"{reader.get_validation_state()} {ingredients} {actions}")
        verdict, layer = compare(f"re-signed over {name}", path)
        check(f"re-signed over {name}: labelctl names the parent {parents[name]}",
              verdict == "labelled" and layer["fields"].get("Parent") == parents[name], f"{verdict} {layer['fields']}")


def own_root(work):
    """labelctl keygen, then stamp --sign with it: c2pa-python reads Trusted once our own root is its anchor."""
    for alg in ["es256", "ed25519", "ps256"]:
        keys = os.path.join(work, "keys-" + alg)
        run = subprocess.run([LABELCTL, "keygen", "--out", keys, "--alg", alg, "--subject", "Interop Test"], capture_output=True, text=True)
        check(f"labelctl keygen ({alg}) exits 0", run.returncode == 0, run.stderr)
        out = os.path.join(work, "own-" + alg)
        run = subprocess.run([LABELCTL, "stamp", "-q", "--generator", "ExampleGen", "--producer", "Acme", "--sign",
                              "--cert", os.path.join(keys, "chain.pem"), "--key", os.path.join(keys, "key.pem"), "-o", out,
                              os.path.join(ROOT, "SampleMedia", "photos", "rocket.jpg"), os.path.join(ROOT, "SampleMedia", "photos", "chelsea.png")],
                             capture_output=True, text=True)
        check(f"stamp --sign with the keygen key ({alg}) exits 0", run.returncode == 0, run.stderr)
        anchors = open(os.path.join(keys, "root.pem")).read()
        trusted = Context(Settings.from_dict({"trust": {"trust_anchors": anchors}}))
        for name in sorted(os.listdir(out)):
            with Reader(os.path.join(out, name), context=trusted) as reader:
                results = reader.get_validation_results() or {}
                failures = [f["code"] for f in (results.get("activeManifest") or {}).get("failure", [])]
                check(f"own root ({alg}): {name}: c2pa-python Trusted", reader.get_validation_state() == "Trusted" and not failures,
                      f"{reader.get_validation_state()} {failures}")
                if alg == "ps256":
                    store = json.loads(reader.json())
                    info = store["manifests"][store["active_manifest"]].get("signature_info", {})
                    check(f"own root ({alg}): {name}: c2pa-python reads alg PS256", str(info.get("alg")).upper() == "PS256", f"{info}")
            compare(f"own root ({alg}): {name}", os.path.join(out, name), os.path.join(keys, "root.pem"))


def time_stamped(work):
    """stamp --sign --tsa against a real RFC 3161 responder on loopback (openssl ts behind
    http.server, Tests/interop/loopback_tsa.py): c2pa-python reads Valid and validates the
    sigTst2 token; with both roots as anchors, Trusted and the time-stamp trusted too."""
    import threading
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import loopback_tsa
    tsa_dir = os.path.join(work, "tsa")
    os.makedirs(tsa_dir)
    server, url = loopback_tsa.start(tsa_dir)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        keys = os.path.join(work, "keys-tsa")
        subprocess.run([LABELCTL, "keygen", "--out", keys, "--subject", "TSA Interop"], capture_output=True, check=True)
        out = os.path.join(work, "tsa-out")
        run = subprocess.run([LABELCTL, "stamp", "-q", "--generator", "ExampleGen", "--producer", "Acme", "--sign",
                              "--cert", os.path.join(keys, "chain.pem"), "--key", os.path.join(keys, "key.pem"),
                              "--tsa", url, "-o", out,
                              os.path.join(ROOT, "SampleMedia", "photos", "rocket.jpg"),
                              os.path.join(ROOT, "SampleMedia", "photos", "chelsea.png")],
                             capture_output=True, text=True)
        check("stamp --sign --tsa (loopback openssl ts) exits 0", run.returncode == 0, run.stderr)
        anchors = open(os.path.join(keys, "root.pem")).read() + open(os.path.join(tsa_dir, "root.pem")).read()
        trusted = Context(Settings.from_dict({"trust": {"trust_anchors": anchors}}))
        for name in sorted(os.listdir(out)):
            path = os.path.join(out, name)
            with Reader(path) as reader:
                manifest = (reader.get_validation_results() or {}).get("activeManifest") or {}
                success = {s["code"] for s in manifest.get("success", [])}
                check(f"time-stamped: {name}: c2pa-python Valid with timeStamp.validated",
                      reader.get_validation_state() == "Valid" and "timeStamp.validated" in success,
                      f"{reader.get_validation_state()} {manifest}")
            with Reader(path, context=trusted) as reader:
                manifest = (reader.get_validation_results() or {}).get("activeManifest") or {}
                codes = {s["code"] for kind in ("success", "informational") for s in manifest.get(kind, [])}
                check(f"time-stamped: {name}: Trusted with both roots, timeStamp.trusted",
                      reader.get_validation_state() == "Trusted" and "timeStamp.trusted" in codes,
                      f"{reader.get_validation_state()} {manifest}")
            verdict, layer = compare(f"time-stamped: {name}", path)
            fields = layer.get("fields", {})
            check(f"time-stamped: {name}: labelctl reports the time-stamp validated",
                  fields.get("TimeStampValidated") == "true" and fields.get("TimeStamp", "").startswith("20"), f"{fields}")
    finally:
        server.shutdown()


def main():
    for name in ["C.jpg", "CA.jpg", "CACA.jpg", "XCA.jpg", "E-sig-CA.jpg"]:
        compare(name, os.path.join(FIXTURES, name))
        compare(name, os.path.join(FIXTURES, name), ANCHORS)

    work = tempfile.mkdtemp(prefix="c2pa-interop-")
    try:
        for sample, mime in [("photos/astronaut.jpg", "image/jpeg"), ("photos/coffee.png", "image/png")]:
            source = os.path.join(ROOT, "SampleMedia", sample)
            signed = os.path.join(work, "signed-" + os.path.basename(sample))
            sign(source, signed, mime)
            verdict, layer = compare(f"signed by c2pa-rs: {sample}", signed)
            check(f"signed by c2pa-rs: {sample}: verdict labelled (AI declared in C2PA)",
                  verdict == "labelled" and layer.get("declaresAI") is True, f"{verdict} {layer.get('fields')}")
            if mime == "image/jpeg":
                # Change one byte of the entropy-coded data (not FF, not into FF): pixels changed after signing.
                data = bytearray(open(signed, "rb").read())
                position = len(data) - 4000
                while data[position] in (0xFF, 0xFE) or data[position - 1] == 0xFF:
                    position += 1
                data[position] ^= 0x01
                tampered = os.path.join(work, "tampered-" + os.path.basename(sample))
                open(tampered, "wb").write(bytes(data))
                compare(f"pixel changed after signing: {sample}", tampered)
        signed_by_labelctl(work)
        watermarked(work)
        over_third_party(work)
        own_root(work)
        time_stamped(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"c2pa interop: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
