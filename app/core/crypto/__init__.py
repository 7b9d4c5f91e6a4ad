"""Digital signatures, offline: each side's signing key (PKCS#12 with an X.509 certificate), the
certificates the commission trusts, signatures over the signed minutes' canonical content, and
PAdES signatures on the printed PDF (pyHanko). No Qt here.

- :mod:`.keys`: creating and opening keys, certificates and their fingerprints;
- :mod:`.trust`: the certificate each side is trusted with (in the database's settings, pinned in
  the user's config on this laptop);
- :mod:`.record`: the stored content's own signatures;
- :mod:`.pdfsign`: signing, countersigning and validating a PDF.

A private key never leaves its PKCS#12 file, and neither it nor a passphrase is ever stored in the
database or logged.
"""
