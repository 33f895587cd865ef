#!/usr/bin/env python3
"""Writes the starting corpora of the fuzz targets into fuzz/corpus/ (ignored by git).

decode_answer: every answer recorded in zoho-tour/tests/fixtures/, with its status and the count
of records its request carried (and with no count), plus the documented request-level errors in
Zoho's error shape. token_answer: token answers in Zoho's shapes and a token file.
render_request takes structured input and starts from nothing.

Run from anywhere: python3 fuzz/seed_corpus.py
"""

import hashlib
import json
import pathlib
import struct

FUZZ = pathlib.Path(__file__).resolve().parent
FIXTURES = FUZZ.parent / "zoho-tour" / "tests" / "fixtures"


def write(target, data):
    folder = FUZZ / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def answer(status, expected, body):
    """Status (u16, little-endian), count byte (0 = none, n = n - 1 records), body."""
    count = 0 if expected is None else min(expected + 1, 255)
    return struct.pack("<HB", status, count) + body


def main():
    for path in sorted(FIXTURES.glob("*.json")):
        seed = json.loads(path.read_text())
        for pair in seed.get("pairs", []):
            response = pair["response"]
            body = json.dumps(response["body"]).encode()
            data = response["body"].get("data") if isinstance(response["body"], dict) else None
            counts = {None, 1, len(data) if isinstance(data, list) else 1}
            for expected in counts:
                write("decode_answer", answer(response["status"], expected, body))
        for error in seed.get("errors", []):
            body = json.dumps(
                {"code": error["code"], "details": {}, "message": error["message"], "status": "error"}
            ).encode()
            write("decode_answer", answer(error["status"], 1, body))
    write("decode_answer", answer(204, None, b""))
    write("decode_answer", answer(502, 1, b"<html><body>Bad Gateway</body></html>"))

    tokens = [
        {"access_token": "1000.a.b", "api_domain": "https://www.zohoapis.eu",
         "token_type": "Bearer", "expires_in": 3600},
        {"access_token": "1000.a.b", "expires_in_sec": 3600, "expires_in": 3600000},
        {"access_token": "1000.a.b", "expires_in": "1800"},
        {"error": "invalid_code"},
        {"error": "access_denied", "error_description": "too many requests"},
    ]
    for token in tokens:
        write("token_answer", struct.pack("<H", 200) + json.dumps(token).encode())
    stored = {"access_token": "1000.a.b", "api_domain": "https://www.zohoapis.eu",
              "expires_at": 1893456000, "owner": "0123456789abcdef"}
    write("token_answer", struct.pack("<H", 200) + json.dumps(stored).encode())
    for target in ("decode_answer", "token_answer"):
        print(f"{target}: {len(list((FUZZ / 'corpus' / target).iterdir()))} inputs")


if __name__ == "__main__":
    main()
