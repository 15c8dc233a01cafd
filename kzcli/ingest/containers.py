"""Files that hold their text inside a container: Word documents (.docx) and single-file saved web pages
(.mhtml, .mht, the "Webpage, Single File" of Chrome and Edge). Each gives the text, or the page, that
the rest of ingest reads as it reads a .txt or an .html file."""

from __future__ import annotations

import email
import email.policy
import io
import zipfile

from .files import SkipFile


def mhtml_page(data: bytes) -> tuple[str, str, str | None]:
    """The saved page of a web archive: its HTML (decoded by the part's own charset and transfer
    encoding), that charset, and the address the page was saved from.

    A MIME message whose first text/html part is the page; pictures and style sheets in the other parts
    are left alone.
    """
    message = email.message_from_bytes(data, policy=email.policy.default)
    address = message["Snapshot-Content-Location"]
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                html = part.get_content()
            except (LookupError, UnicodeError) as err:
                raise SkipFile(f"undecodable web archive ({err})") from None
            return html, part.get_content_charset() or "utf-8", address or part["Content-Location"]
    raise SkipFile("no web page in the archive")


def docx_text(data: bytes) -> str:
    """A Word document's paragraphs, one per line (its stated properties are left alone: their title is
    often the template's, their dates the file's, not the article's)."""
    from docx import Document  # python-docx, only while indexing
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as err:
        raise SkipFile(f"not a readable Word document ({type(err).__name__})") from None
    lines = [paragraph.text.strip() for paragraph in document.paragraphs]
    return "\n".join(line for line in lines if line)
