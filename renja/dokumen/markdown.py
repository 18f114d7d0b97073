"""Markdown (the narrative users edit) into document blocks, through markdown-it-py's token stream.

Supported: headings (``#``..``###``, shifted under the section heading they belong to), paragraphs with
**bold** and *italic*, bullet and numbered lists (one level; a nested list's items are flattened into its
parent), hard and soft line breaks. Anything else (code, HTML, images, tables) is written as its plain text:
the narrative is prose, tables come from data.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from renja.dokumen.model import Blok, Daftar, Judul, Paragraf, Teks

# commonmark without raw HTML: a pasted <script> stays visible text in the document, never markup.
_MD = MarkdownIt("commonmark", {"html": False})


def _inline(children) -> list[Teks]:
    hasil: list[Teks] = []
    tebal = miring = 0
    for t in children or []:
        if t.type == "strong_open":
            tebal += 1
        elif t.type == "strong_close":
            tebal -= 1
        elif t.type == "em_open":
            miring += 1
        elif t.type == "em_close":
            miring -= 1
        elif t.type in ("softbreak",):
            hasil.append(Teks(" ", tebal > 0, miring > 0))
        elif t.type == "hardbreak":
            hasil.append(Teks("\n", tebal > 0, miring > 0))
        elif t.type in ("text", "code_inline", "html_inline"):
            if t.content:
                hasil.append(Teks(t.content, tebal > 0, miring > 0))
        elif t.type == "image":
            hasil.extend(_inline(t.children))
    return _gabung(hasil)


def _gabung(runs: list[Teks]) -> list[Teks]:
    """Adjacent runs of the same style become one (markdown-it splits text at every special character)."""
    hasil: list[Teks] = []
    for r in runs:
        if hasil and hasil[-1].tebal == r.tebal and hasil[-1].miring == r.miring:
            hasil[-1] = Teks(hasil[-1].teks + r.teks, r.tebal, r.miring)
        else:
            hasil.append(r)
    return hasil


def markdown_blok(teks: str, *, tingkat_dasar: int = 2) -> list[Blok]:
    """Blocks of `teks`. A ``#`` heading becomes level ``tingkat_dasar + 1`` (under the section's own heading),
    capped at 3; headings inside the narrative do not go into the daftar isi below level 3."""
    tokens = _MD.parse(teks or "")
    blok: list[Blok] = []
    daftar: list[Daftar] = []  # the open lists, innermost last
    butir_terbuka = False
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "heading_open":
            tingkat = min(3, tingkat_dasar + int(t.tag[1:]))
            blok.append(Judul("".join(r.teks for r in _inline(tokens[i + 1].children)), tingkat, daftar_isi=False))
            i += 3
            continue
        if t.type in ("bullet_list_open", "ordered_list_open"):
            if not daftar:
                d = Daftar([], bernomor=t.type == "ordered_list_open")
                blok.append(d)
                daftar.append(d)
            else:
                daftar.append(daftar[-1])  # nested: same list, flattened
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            daftar.pop()
        elif t.type == "list_item_open":
            butir_terbuka = True
        elif t.type == "list_item_close":
            butir_terbuka = False
        elif t.type == "inline":
            isi = _inline(t.children)
            if daftar:
                if butir_terbuka:
                    daftar[-1].butir.append(isi)
                    butir_terbuka = False
                elif daftar[-1].butir:  # a second paragraph in one item
                    daftar[-1].butir[-1] = _gabung([*daftar[-1].butir[-1], Teks("\n"), *isi])
            elif isi:
                blok.append(Paragraf(isi))
        elif t.type in ("fence", "code_block") and t.content.strip():
            blok.append(Paragraf([Teks(t.content.rstrip("\n"))], rata="left"))
        i += 1
    return blok
