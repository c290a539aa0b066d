"""Password-protected backups: AES-256-GCM with a key derived from the password by scrypt.

``cryptography`` does the cryptography (a well-kept library; nothing here is home-made beyond
the file layout). The file is ``MAGIC`` (8 bytes), the scrypt salt (16), the GCM nonce (12), then
the ciphertext with its tag; the magic is also authenticated, so a changed header fails too. A
wrong password and a damaged file cannot be told apart by design; both get the same sentence.
"""

from __future__ import annotations

import os
from pathlib import Path

from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr

MAGIC = b"CKBAK01\n"
SUFFIX = ".ckbackup"
_SALT, _NONCE = 16, 12
# scrypt cost: ~0.1 s and 32 MB on a laptop, so guessing passwords is slow (RFC 7914 guidance).
_N, _R, _P = 2**15, 8, 1


def is_encrypted(path: Path) -> bool:
    """True when ``path`` starts like a password-protected CourseKeeper backup."""
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(password: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=_N, r=_R, p=_P).derive(password.encode("utf-8"))


def check_password(password: str) -> str:
    """The password, refused when too short to protect a register of people."""
    if len(password) < 8:
        raise ValidationError(tr("Passordet må ha minst 8 tegn."))
    return password


def encrypt_bytes(data: bytes, password: str) -> bytes:
    """The protected file's bytes for ``data``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    return MAGIC + salt + nonce + AESGCM(_key(check_password(password), salt)).encrypt(nonce, data, MAGIC)


def decrypt_bytes(blob: bytes, password: str) -> bytes:
    """The original bytes; one Norwegian sentence when the password is wrong or the file damaged."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _SALT + _NONCE + 16:
        raise ValidationError(tr("Filen er ikke en passordbeskyttet CourseKeeper-sikkerhetskopi."))
    salt = blob[len(MAGIC) : len(MAGIC) + _SALT]
    nonce = blob[len(MAGIC) + _SALT : len(MAGIC) + _SALT + _NONCE]
    try:
        return AESGCM(_key(password, salt)).decrypt(nonce, blob[len(MAGIC) + _SALT + _NONCE :], MAGIC)
    except InvalidTag:
        raise ValidationError(tr("Feil passord, eller filen er skadet. Ingenting er endret.")) from None
