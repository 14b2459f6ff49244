#!/usr/bin/env python3
"""Sends one FastCGI request (the protocol PHP-FPM speaks to a web server)
to a Unix socket and prints the response body; exits 1 unless the status
is 200. Usage: fastcgi.py SOCKET SCRIPT_FILENAME

FastCGI 1.0: BEGIN_REQUEST (responder), PARAMS, an empty PARAMS, an empty
STDIN; then STDOUT records until END_REQUEST."""

import socket
import struct
import sys

VERSION, BEGIN_REQUEST, END_REQUEST, PARAMS, STDIN, STDOUT, STDERR = 1, 1, 3, 4, 5, 6, 7
RESPONDER, REQUEST_ID = 1, 1


def record(kind: int, content: bytes) -> bytes:
    return struct.pack(">BBHHBx", VERSION, kind, REQUEST_ID, len(content), 0) + content


def length(n: int) -> bytes:
    return bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)


def params(values: dict[str, str]) -> bytes:
    out = b""
    for name, value in values.items():
        n, v = name.encode(), value.encode()
        out += length(len(n)) + length(len(v)) + n + v
    return out


def read_exactly(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise SystemExit("fastcgi: the server closed the connection early")
        data += chunk
    return data


def request(sock_path: str, script: str) -> tuple[str, str, str]:
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.settimeout(60)
    conn.connect(sock_path)
    env = {
        "GATEWAY_INTERFACE": "CGI/1.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "SERVER_SOFTWARE": "dsgvo-tests",
        "REQUEST_METHOD": "GET",
        "SCRIPT_FILENAME": script,
        "SCRIPT_NAME": "/" + script.rsplit("/", 1)[-1],
        "REQUEST_URI": "/" + script.rsplit("/", 1)[-1],
        "QUERY_STRING": "",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
    }
    conn.sendall(
        record(BEGIN_REQUEST, struct.pack(">HB5x", RESPONDER, 0))
        + record(PARAMS, params(env))
        + record(PARAMS, b"")
        + record(STDIN, b"")
    )
    out, err = b"", b""
    while True:
        _, kind, _, size, padding = struct.unpack(">BBHHBx", read_exactly(conn, 8))
        content = read_exactly(conn, size + padding)[:size]
        if kind == STDOUT:
            out += content
        elif kind == STDERR:
            err += content
        elif kind == END_REQUEST:
            break
    conn.close()
    head, _, body = out.decode().partition("\r\n\r\n")
    status = "200"
    for line in head.split("\r\n"):
        if line.lower().startswith("status:"):
            status = line.split(":", 1)[1].strip().split(" ")[0]
    return status, body, err.decode()


if __name__ == "__main__":
    status, body, err = request(sys.argv[1], sys.argv[2])
    print(body)
    if err:
        print(err, file=sys.stderr)
    sys.exit(0 if status == "200" else 1)
