#!/usr/bin/env python3
"""A real RFC 3161 time-stamp authority on loopback, for tests: `openssl ts -reply` behind
http.server.

    python3 loopback_tsa.py DIR

makes in DIR (once) a P-256 test root (root.pem) and a TSA certificate it issues (tsa.pem: EKU
timeStamping, critical; RFC 3161 §2.3), writes the openssl ts configuration, binds 127.0.0.1 on an
ephemeral port, prints `http://127.0.0.1:PORT/` on one line, and answers each POST
(application/timestamp-query) with the DER reply of `openssl ts -reply`. It stops when its
standard input closes (the test that started it ends) or on SIGTERM. Nothing outside DIR is read
or written. Importable: `start(DIR)` returns (server, url) for a caller's own thread.
"""
import http.server
import os
import subprocess
import sys
import threading

CONFIG = """
[ tsa ]
default_tsa = labeler_tsa
[ labeler_tsa ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/root.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""

EXTENSIONS = """basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_credentials(directory):
    """root.pem/root.key, tsa.pem/tsa.key, tsa.cnf in `directory` (kept if already there)."""
    if os.path.exists(os.path.join(directory, "tsa.cnf")):
        return
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    openssl("req", "-x509", *ec, "-keyout", "root.key", "-out", "root.pem", "-days", "3650",
            "-subj", "/CN=Labeler Test TSA Root/O=Labeler tests",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            cwd=directory)
    openssl("req", "-new", *ec, "-keyout", "tsa.key", "-out", "tsa.csr",
            "-subj", "/CN=Labeler Test TSA/O=Labeler tests", cwd=directory)
    with open(os.path.join(directory, "tsa.ext"), "w") as f:
        f.write(EXTENSIONS)
    openssl("x509", "-req", "-in", "tsa.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "4242",
            "-out", "tsa.pem", "-days", "3650", "-extfile", "tsa.ext", cwd=directory)
    with open(os.path.join(directory, "serial"), "w") as f:
        f.write("01\n")
    with open(os.path.join(directory, "tsa.cnf"), "w") as f:
        f.write(CONFIG.format(dir=directory))


def start(directory):
    """Credentials, then a server on an ephemeral loopback port: (server, url)."""
    directory = os.path.abspath(directory)
    make_credentials(directory)
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with lock:  # one openssl at a time: it bumps the serial file
                query = os.path.join(directory, "query.tsq")
                with open(query, "wb") as f:
                    f.write(body)
                reply = subprocess.run(["openssl", "ts", "-reply", "-queryfile", query, "-config",
                                        os.path.join(directory, "tsa.cnf")], capture_output=True)
            if reply.returncode != 0 or not reply.stdout:
                self.send_error(500, reply.stderr.decode(errors="replace")[:200])
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply.stdout)))
            self.end_headers()
            self.wfile.write(reply.stdout)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main():
    server, url = start(sys.argv[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(url, flush=True)
    sys.stdin.read()  # until the parent closes our stdin (or dies)
    server.shutdown()


if __name__ == "__main__":
    main()
