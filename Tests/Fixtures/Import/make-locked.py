#!/usr/bin/env python3
"""Makes the password-protected fixtures from fixtures made by LibreOffice.

Run from this folder: python3 make-locked.py. Needs python3-cryptography; checks its output
with python3-msoffcrypto-tool (Debian) when that is installed. The files it makes are
committed, so the tests need neither.

  reports-locked.xlsx     reports.xlsx encrypted with the password "secret"
  agreement-locked.docx   agreement.en.docx encrypted with the password "secret"

An Office file saved with a password is not a zip: it is an OLE compound file holding an
EncryptionInfo stream and the encrypted zip (EncryptedPackage), as ECMA-376 part 2 says.
LibreOffice 7.4 (Debian 12) does not write one from the command line, and the Debian
msoffcrypto-tool only decrypts, so this script writes the container itself with the
"standard" encryption Office 2007 used (AES-128, SHA-1 key derivation), and then has
msoffcrypto-tool open it with the password, to show that another reader takes it for a
real protected file.
"""
import hashlib, io, os, struct, sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "secret"
SECTOR = 512
MINI = 64
FREE, END, FAT_SECTOR, NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def key_for(password, salt):
    """ECMA-376 standard encryption: the AES-128 key of a password (2.3.4.7)."""
    h = hashlib.sha1(salt + password.encode("utf-16-le")).digest()
    for i in range(50000):
        h = hashlib.sha1(struct.pack("<I", i) + h).digest()
    h = hashlib.sha1(h + struct.pack("<I", 0)).digest()
    x1 = hashlib.sha1(bytes(b ^ 0x36 for b in h.ljust(64, b"\0"))).digest()
    x2 = hashlib.sha1(bytes(b ^ 0x5C for b in h.ljust(64, b"\0"))).digest()
    return (x1 + x2)[:16]


def aes(key, data):
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def encryption_streams(package, password, salt):
    key = key_for(password, salt)
    csp = "Microsoft Enhanced RSA and AES Cryptographic Provider\0".encode("utf-16-le")
    # Flags fCryptoAPI | fAES; AES-128, SHA-1, provider type PROV_RSA_AES.
    header = struct.pack("<IIIIIIII", 0x24, 0, 0x660E, 0x8004, 128, 0x18, 0, 0) + csp
    verifier = hashlib.sha1(b"accord fixture").digest()[:16]
    verifier_hash = hashlib.sha1(verifier).digest().ljust(32, b"\0")
    info = (struct.pack("<HHI", 3, 2, 0x24) + struct.pack("<I", len(header)) + header
            + struct.pack("<I", 16) + salt + aes(key, verifier) + struct.pack("<I", 20) + aes(key, verifier_hash))
    padded = package + b"\0" * (-len(package) % 16)
    encrypted = struct.pack("<Q", len(package)) + aes(key, padded)
    return info, encrypted


def compound_file(streams):
    """A version 3 compound file (512-byte sectors) holding `streams` (name, bytes) under its root.
    Streams under 4,096 bytes live in the mini stream, as the format requires."""
    fat, sectors = [], []

    def chain(data, size, table, store):
        count = max(1, -(-len(data) // size))
        first = len(table)
        for n in range(count):
            table.append(first + n + 1 if n + 1 < count else END)
            store.append(data[n * size:(n + 1) * size].ljust(size, b"\0"))
        return first

    minifat, minis, entries = [], [], []
    for name, data in streams:
        if len(data) < 4096:
            entries.append((name, chain(data, MINI, minifat, minis), len(data)))
        else:
            entries.append((name, chain(data, SECTOR, fat, sectors), len(data)))
    mini_stream = b"".join(minis)
    mini_start = chain(mini_stream, SECTOR, fat, sectors) if mini_stream else END
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_bytes += b"\xff" * (-len(minifat_bytes) % SECTOR)
    minifat_start = chain(minifat_bytes, SECTOR, fat, sectors) if minifat else END

    def entry(name, kind, child, right, start, size):
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", NONE, right, child) + b"\0" * 16 + struct.pack("<I", 0)
                + b"\0" * 16 + struct.pack("<IQ", start, size))
    # Siblings ordered as the format compares names: shorter first, then by upper case.
    order = sorted(range(len(entries)), key=lambda i: (len(entries[i][0]), entries[i][0].upper()))
    directory = entry("Root Entry", 5, order[0] + 1, NONE, mini_start, len(mini_stream))
    for position, i in enumerate(order):
        right = order[position + 1] + 1 if position + 1 < len(order) else NONE
        name, start, size = entries[i]
        directory += entry(name, 2, NONE, right, start, size)
    directory += b"\0" * (-len(directory) % SECTOR)
    directory_start = chain(directory, SECTOR, fat, sectors)
    # The FAT's own sectors, marked as such in it.
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_first = len(fat)
    fat += [FAT_SECTOR] * fat_count
    fat += [FREE] * (fat_count * (SECTOR // 4) - len(fat))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    difat = [fat_first + n for n in range(fat_count)] + [FREE] * (109 - fat_count)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, fat_count, directory_start, 0, 4096,
                                        minifat_start, len(minifat_bytes) // SECTOR if minifat else 0, END, 0)
              + b"".join(struct.pack("<I", v) for v in difat))
    return header + b"".join(sectors) + fat_bytes


def lock(source, target):
    with open(os.path.join(HERE, source), "rb") as f:
        package = f.read()
    salt = hashlib.sha1(source.encode()).digest()[:16]
    info, encrypted = encryption_streams(package, PASSWORD, salt)
    data = compound_file([("EncryptionInfo", info), ("EncryptedPackage", encrypted)])
    with open(os.path.join(HERE, target), "wb") as f:
        f.write(data)
    try:
        import msoffcrypto
    except ImportError:
        print(f"{target}: written (msoffcrypto-tool not installed: not checked)")
        return
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    assert office.is_encrypted()
    office.load_key(password=PASSWORD, verify_password=True)
    out = io.BytesIO()
    office.decrypt(out)
    assert out.getvalue() == package, "msoffcrypto-tool does not give the package back"
    print(f"{target}: written, and opened again with the password by msoffcrypto-tool")


if __name__ == "__main__":
    lock("reports.xlsx", "reports-locked.xlsx")
    lock("agreement.en.docx", "agreement-locked.docx")
