#!/usr/bin/env python3
"""Builds the Word minutes that `minutes import` is tested on: test/fixtures/import/*.docx.

Each document is written here the way a secretariat makes its minutes in Word (no styles at all, Word's
automatic numbering, a header table, the seed's French layout, prose actions, merged cells, tracked changes
and comments, footnotes, a page header, a German Protokoll...). The text is made up for the test: no real
document is copied. The expected Markdown (<name>.expected.md) and the truth (expected.json) beside them
are written by hand from what each document says, not from the importer's output.

The .docx files are committed, so tests and CI need neither python-docx nor LibreOffice. To build them again:

    apt-get install -y python3-docx        # Debian's python-docx (0.8.11); PyPI is not needed
    /usr/bin/python3 scripts/make-import-fixtures.py

The municipal council of the hidden-like set is written as HTML and converted by LibreOffice
(`soffice --headless --convert-to docx`), as a town hall on LibreOffice makes it; the script skips it (and
says so) when soffice is missing. Outputs are byte-for-byte reproducible for python-docx's documents
(fixed zip dates and document properties); LibreOffice's output may differ between its versions.
"""

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "test", "fixtures", "import")
HIDDEN = os.path.join(OUT, "hidden-like")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---------------------------------------------------------------------------------------------------------
# Writing helpers


def new_doc():
    doc = Document()
    # Word's usual body font, so that nothing depends on the template's theme.
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    return doc


INLINE = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*|\n)")


def add_runs(p, text, bold=False, italic=False, size=None, color=None):
    """Adds `text` to paragraph `p`: **bold**, *italic* and newlines (a line break in the same paragraph)."""
    for token in INLINE.split(text):
        if not token:
            continue
        if token == "\n":
            p.add_run().add_break()
            continue
        b, i, t = bold, italic, token
        if token.startswith("**") and token.endswith("**") and len(token) > 4:
            b, t = True, token[2:-2]
        elif token.startswith("*") and token.endswith("*") and len(token) > 2:
            i, t = True, token[1:-1]
        run = p.add_run(t)
        if b:
            run.bold = True
        if i:
            run.italic = True
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    return p


def para(container, text="", style=None, bold=False, italic=False, size=None, align=None, color=None):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    add_runs(p, text, bold=bold, italic=italic, size=size, color=color)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def set_cell(cell, text, bold=False, shade=None, paragraphs=None):
    """Writes a cell: `text` (newlines become line breaks) or several `paragraphs` (each a paragraph)."""
    cell.paragraphs[0].text = ""
    items = paragraphs if paragraphs is not None else [text]
    for n, item in enumerate(items):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        style = None
        if isinstance(item, tuple):
            item, style = item
        if style:
            p.style = style
        add_runs(p, item, bold=bold)
    if shade:
        tcPr = cell._tc.get_or_add_tcPr()
        tcPr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{shade}"/>'))


def borders(table):
    """Draws the table's grid by direct formatting (tblBorders), for documents that use no table style."""
    tblPr = table._tbl.tblPr
    tblPr.append(
        parse_xml(
            f'<w:tblBorders {nsdecls("w")}>'
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
    )


def table(container, rows, style="Table Grid", header_bold=True, shade_header=None, direct_borders=False, widths=None):
    t = container.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    if style:
        t.style = style
    if direct_borders:
        borders(t)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            cell = t.cell(r, c)
            if isinstance(value, list):
                set_cell(cell, "", paragraphs=value, bold=header_bold and r == 0)
            else:
                set_cell(cell, value, bold=header_bold and r == 0, shade=shade_header if r == 0 else None)
    return t


def add_numbering(doc, levels):
    """A Word list definition (abstractNum + num in numbering.xml); levels: [(numFmt, lvlText)] by level."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid = max(abstract_ids + [10]) + 1
    nid = max(num_ids + [10]) + 1
    lvls = ""
    for i, (fmt, text) in enumerate(levels):
        font = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>' if text == "\uf0b7" else ""
        lvls += (
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr>{font}</w:lvl>'
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}"><w:multiLevelType w:val="hybridMultilevel"/>{lvls}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return nid


def numbered(p, num_id, level=0):
    """Puts paragraph `p` in Word list `num_id` at `level` (w:numPr), as Word does for its automatic numbering."""
    pPr = p._p.get_or_add_pPr()
    numPr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    style = pPr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numPr)
    else:
        pPr.insert(0, numPr)
    return p


def list_item(doc, text, num_id, level=0):
    return numbered(para(doc, text, style="List Paragraph"), num_id, level)


def hyperlink(p, text, url):
    r_id = p.part.relate_to(url, RT.HYPERLINK, is_external=True)
    p._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
            f'<w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'
        )
    )


def raw_run(p, xml):
    """Appends raw WordprocessingML (runs, w:ins, w:del, comment marks) to paragraph `p`."""
    for element in list(parse_xml(f"<w:r-holder {nsdecls('w')}>{xml}</w:r-holder>")):
        p._p.append(element)


def t(text):
    return f'<w:t xml:space="preserve">{text}</w:t>'


def run_xml(text, bold=False):
    return f"<w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}{t(text)}</w:r>"


REVISION = 'w:author="{author}" w:date="2024-04-11T09:30:00Z"'


def ins(rid, author, text):
    return f'<w:ins w:id="{rid}" {REVISION.format(author=author)}><w:r>{t(text)}</w:r></w:ins>'


def dele(rid, author, text):
    return (
        f'<w:del w:id="{rid}" {REVISION.format(author=author)}><w:r>'
        f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def add_part(doc, partname, content_type, reltype, xml):
    part = Part(PackURI(partname), content_type, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, reltype)
    return part


def comments_part(doc, comments):
    """word/comments.xml: comments = [(id, author, initials, text)]."""
    body = "".join(
        f'<w:comment w:id="{cid}" w:author="{author}" w:date="2024-04-11T10:00:00Z" w:initials="{initials}">'
        f'<w:p><w:r>{t(text)}</w:r></w:p></w:comment>'
        for cid, author, initials, text in comments
    )
    add_part(
        doc,
        "/word/comments.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        RT.COMMENTS,
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W}">{body}</w:comments>',
    )


def footnotes_part(doc, notes):
    """word/footnotes.xml with Word's two separators (ids -1 and 0) and notes = [(id, text)]."""
    body = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    )
    for nid, text in notes:
        body += (
            f'<w:footnote w:id="{nid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r>{t(" " + text)}</w:r></w:p></w:footnote>'
        )
    add_part(
        doc,
        "/word/footnotes.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        RT.FOOTNOTES,
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">{body}</w:footnotes>',
    )


def footnote_ref(nid):
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{nid}"/></w:r>'


def merge(t_, r1, c1, r2, c2, text=None, bold=False):
    """Merges cells (python-docx writes gridSpan across columns, vMerge across rows), then sets the text."""
    cell = t_.cell(r1, c1).merge(t_.cell(r2, c2))
    if text is not None:
        set_cell(cell, text, bold=bold)
    return cell


def save(doc, path):
    """Saves with fixed document properties and zip dates, so that the same script writes the same bytes."""
    cp = doc.core_properties
    cp.author = "Secretariat"
    cp.last_modified_by = "Secretariat"
    cp.created = datetime(2024, 1, 1, 9, 0, 0)
    cp.modified = datetime(2024, 1, 1, 9, 0, 0)
    cp.revision = 1
    cp.title = ""
    buf = io.BytesIO()
    doc.save(buf)
    write_zip(buf.getvalue(), path)


def write_zip(data, path):
    zin = zipfile.ZipFile(io.BytesIO(data))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    print("wrote", os.path.relpath(path, ROOT))


def action_table(doc, header, rows, style="Table Grid"):
    return table(doc, [header] + rows, style=style)


# ---------------------------------------------------------------------------------------------------------
# Required kinds


def no_styles():
    """No styles at all: every paragraph is Normal with direct formatting; items are bold numbered paragraphs,
    the header is bold 'Label:' paragraphs, the action tables have borders drawn by hand (no table style)."""
    doc = new_doc()
    para(doc, "Riverside Residents' Association", bold=True, size=16, align="center")
    para(doc, "Minutes of the Committee Meeting", bold=True, size=14, align="center")
    para(doc, "**Date:** 9 January 2024")
    para(doc, "**Time:** 19:30 – 21:00")
    para(doc, "**Venue:** Community Hall, Mill Lane")
    para(doc, "**Present:** Margaret Hughes (Chair), Tom Bell (Secretary), Aisha Khan, Peter Novak, Linda Osei")
    para(doc, "**Apologies:** David Price")
    para(doc, "1. Welcome and apologies", bold=True, size=12)
    para(doc, "Margaret Hughes welcomed everyone and opened the meeting at 19:32. Apologies were received from David Price.")
    para(doc, "2. Minutes of the previous meeting", bold=True, size=12)
    para(doc, "The minutes of the meeting held on 5 December 2023 were agreed as a true record.")
    para(doc, "3. Treasurer's report", bold=True, size=12)
    para(
        doc,
        "Aisha Khan reported a balance of £2,340 at the end of December. Membership income was lower than "
        "expected because twelve households had not renewed their membership.",
    )
    para(doc, "It was agreed to send a reminder with the spring newsletter.")
    table(
        doc,
        [["Action", "Who", "When"], ["Send a membership reminder with the newsletter", "Tom Bell", "31 January 2024"]],
        style=None,
        direct_borders=True,
    )
    para(doc, "4. Spring clean-up day", bold=True, size=12)
    para(
        doc,
        "Peter Novak proposed Saturday 16 March for the clean-up of the riverbank. The council will lend "
        "gloves and litter pickers, and the *Mill Lane Bakery* has offered tea and cakes for the volunteers.",
    )
    table(
        doc,
        [
            ["Action", "Who", "When"],
            ["Book the equipment from the council", "Peter Novak", "1 March 2024"],
            ["Put up posters in the library and the corner shop", "Linda Osei", "8 March 2024"],
        ],
        style=None,
        direct_borders=True,
    )
    para(doc, "5. Any other business", bold=True, size=12)
    para(doc, "Linda Osei asked whether the association could set up a page on the town's website. To be discussed at the next meeting.")
    para(doc, "The meeting closed at 20:55.")
    save(doc, os.path.join(OUT, "no-styles.docx"))


def word_numbering():
    """Items are Heading 1 paragraphs numbered by Word (numPr → numbering.xml), with no number in their text;
    an ordered list inside an item is numbered by Word too; the header is 'Label: value' paragraphs."""
    doc = new_doc()
    headings = add_numbering(doc, [("decimal", "%1."), ("decimal", "%1.%2.")])
    steps = add_numbering(doc, [("decimal", "%1)")])
    bullets = add_numbering(doc, [("bullet", "\uf0b7")])
    para(doc, "Digital Services Working Group", style="Title")
    para(doc, "Minutes of meeting 14", style="Subtitle")
    para(doc, "Date: Wednesday 21 February 2024")
    para(doc, "Time: 10:00–11:30")
    para(doc, "Location: Room 2.14 and Microsoft Teams")
    para(doc, "Chair: Sofia Marin")
    para(doc, "Minute taker: Daniel Okoro")
    para(doc, "Attendees: Sofia Marin, Daniel Okoro, Hannah Schmidt, Raj Patel, Elena Rossi")
    para(doc, "Apologies: Mark Lewis")

    numbered(para(doc, "Review of previous actions", style="Heading 1"), headings)
    para(doc, "All actions from meeting 13 are complete, except the cookie banner review, which moves to next month.")

    numbered(para(doc, "Website accessibility audit", style="Heading 1"), headings)
    para(
        doc,
        "Hannah Schmidt presented the results of the external audit. The site meets most of WCAG 2.1 level AA; "
        "the main problems are missing alternative text on older news images and low contrast in the footer.",
    )
    para(doc, "The group agreed to fix the problems in this order:")
    list_item(doc, "the contrast of the footer and the buttons;", steps)
    list_item(doc, "alternative text on the 40 most visited pages;", steps)
    list_item(doc, "the PDF forms, which will be replaced by web forms.", steps)
    para(doc, "Decisions", style="Heading 2")
    list_item(doc, "The footer colours are changed before the end of March.", bullets)
    para(doc, "Actions", style="Heading 2")
    action_table(
        doc,
        ["Action", "Owner", "Deadline"],
        [
            ["Change the footer and button colours", "Raj Patel", "15 March 2024"],
            ["Write alternative text for the top 40 pages", "Elena Rossi", "30 April 2024"],
        ],
    )

    numbered(para(doc, "Content migration plan", style="Heading 1"), headings)
    para(
        doc,
        "Daniel Okoro explained that 1,200 pages still run on the old content system. About a third are out of "
        "date and will be archived rather than moved.",
    )
    para(doc, "Actions", style="Heading 2")
    action_table(
        doc,
        ["Action", "Owner", "Deadline"],
        [["Send the list of pages to archive to each department", "Daniel Okoro", "8 March 2024"]],
    )

    numbered(para(doc, "Any other business", style="Heading 1"), headings)
    para(doc, "None. The next meeting is on 20 March 2024.")
    save(doc, os.path.join(OUT, "word-numbering.docx"))


def header_table():
    """The header in a key/value table (label column in bold, shaded); items are Heading 2 numbered by hand."""
    doc = new_doc()
    para(doc, "Finance Committee", style="Heading 1")
    t_ = table(
        doc,
        [
            ["Meeting", "Finance Committee – quarterly review"],
            ["Date", "12 March 2024"],
            ["Time", "14:00 - 16:00"],
            ["Location", "Board room, 3rd floor"],
            ["Chair", "Robert Chen"],
            ["Secretary", "Mary O'Neill"],
            ["Present", "Robert Chen, Mary O'Neill, Fatima Zahra, George Adams"],
            ["Apologies", "Ingrid Berg"],
            ["In attendance", "Paul Smith (external auditor)"],
        ],
        header_bold=False,
    )
    for row in t_.rows:
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True
        tcPr = row.cells[0]._tc.get_or_add_tcPr()
        tcPr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="D9E2F3"/>'))
    para(doc, "")
    para(doc, "1. Apologies and declarations of interest", style="Heading 2")
    para(doc, "Apologies were received from Ingrid Berg. No interests were declared.")
    para(doc, "2. Quarterly accounts", style="Heading 2")
    para(
        doc,
        "Fatima Zahra presented the accounts to 29 February. Spending is 4% under budget, mainly because two posts "
        "were vacant. Income from room hire rose by **18%**.",
    )
    para(doc, "The committee noted the accounts and asked for a forecast to the end of the year.")
    action_table(
        doc,
        ["Action", "Responsible", "Due date"],
        [["Prepare a year-end forecast", "Fatima Zahra", "10 April 2024"]],
    )
    para(doc, "3. Audit plan 2024", style="Heading 2")
    para(
        doc,
        "Paul Smith presented the audit plan. The audit will focus on grant income and on the new payroll system. "
        "Fieldwork starts on 3 June.",
    )
    action_table(
        doc,
        ["Action", "Responsible", "Due date"],
        [
            ["Send the grant agreements to the auditor", "Mary O'Neill", "30 April 2024"],
            ["Give the auditor read access to the payroll system", "George Adams", "17 May 2024"],
        ],
    )
    para(doc, "4. Date of next meeting", style="Heading 2")
    para(doc, "The next meeting will be held on 11 June 2024 at 14:00.")
    save(doc, os.path.join(OUT, "header-table.docx"))


def seed_layout_fr():
    """The seed's layout: title in the page header and on the first page, a header table (Date, Heure, Lieu,
    Participants as one paragraph per agency), 'Points inscrits à l'ordre du jour', each item opened by a
    one-column table (title, 'Points clés de la discussion'), then an action table Action/Responsable/Échéance."""
    doc = new_doc()
    title = "Compte-rendu de la réunion du Groupe de coordination humanitaire – Région de l'Est"
    para(doc.sections[0].header, title, italic=True, size=9, align="center")
    para(doc, title, bold=True, size=14, align="center")
    table(
        doc,
        [
            ["Date", "14 mars 2024"],
            ["Heure", "9h00 - 11h30"],
            ["Lieu", "Salle de conférence du Gouvernorat"],
            [
                "Participants",
                [
                    "Gouvernorat de la Région de l'Est ;",
                    "Bureau de la coordination des affaires humanitaires (OCHA) ;",
                    "Fonds des Nations Unies pour l'enfance (UNICEF) ;",
                    "Programme alimentaire mondial (PAM) ;",
                    "Croix-Rouge ;",
                    "Médecins Sans Frontières (MSF).",
                ],
            ],
        ],
        header_bold=False,
    )
    para(doc, "")
    para(doc, "Points inscrits à l'ordre du jour", bold=True, size=12)
    para(doc, "Ouverture (Gouvernorat)")
    para(doc, "1- Point sur la situation humanitaire (OCHA) ;")
    para(doc, "2- Présentation du plan de réponse nutritionnelle (UNICEF) ;")
    para(doc, "3- Divers ;")
    para(doc, "4- Coordination et prochaines étapes.")

    para(doc, "Ouverture (Gouvernorat)", bold=True)
    para(
        doc,
        "Le Secrétaire général du Gouvernorat a ouvert la séance à 9h10 et remercié les partenaires de leur présence.",
    )

    def item(title_, first):
        t_ = table(doc, [[title_], ["Points clés de la discussion"], [first]], header_bold=True)
        for run in t_.cell(1, 0).paragraphs[0].runs:
            run.bold = True
            run.italic = True
        set_cell(t_.cell(0, 0), title_, bold=True, shade="DEEAF6")

    item(
        "1. Point sur la situation humanitaire (OCHA)",
        "OCHA a présenté la situation dans les trois départements de la région. Depuis janvier, **4 200** ménages "
        "ont été déplacés par les inondations, dont la moitié sont hébergés dans des familles d'accueil.",
    )
    para(doc, "Les besoins prioritaires restent :")
    b = add_numbering(doc, [("bullet", "\uf0b7")])
    list_item(doc, "l'abri et les articles ménagers essentiels ;", b)
    list_item(doc, "l'eau potable et l'assainissement dans les sites de regroupement ;", b)
    list_item(doc, "la protection des enfants non accompagnés.", b)
    action_table(
        doc,
        ["Action", "Responsable", "Échéance"],
        [
            ["Partager la présentation avec le compte-rendu", "OCHA", "15 mars 2024"],
            ["Mettre à jour la cartographie des sites", "OCHA – Croix-Rouge", "29 mars 2024"],
        ],
    )
    para(doc, "")
    item(
        "2. Présentation du plan de réponse nutritionnelle (UNICEF)",
        "L'UNICEF a présenté son plan de réponse pour les six prochains mois. Le dépistage de la malnutrition aiguë "
        "sera étendu à 45 villages, avec l'appui des agents de santé communautaires.",
    )
    para(
        doc,
        "Le PAM a rappelé que les stocks d'aliments thérapeutiques couvrent les besoins jusqu'à fin mai seulement.",
    )
    action_table(
        doc,
        ["Action", "Responsable", "Échéance"],
        [["Partager le plan de réponse et la liste des villages", "UNICEF", "22 mars 2024"]],
    )
    para(doc, "")
    item(
        "3. Divers",
        "MSF a informé les participants de l'ouverture d'un centre de santé mobile à Kouré à partir du 1er avril.",
    )
    action_table(doc, ["Action", "Responsable", "Échéance"], [["N/A", "", ""]])
    para(doc, "")
    item("4. Coordination et prochaines étapes", "Prochaine réunion prévue le 11 avril 2024 au même endroit.")
    action_table(doc, ["Action", "Responsable", "Échéance"], [["N/A", "", ""]])
    save(doc, os.path.join(OUT, "seed-layout-fr.docx"))


def prose_actions_en():
    """Actions written in prose ('ACTION: Jane Doe to … by …'), and a final summary-of-actions table with
    the item each action belongs to."""
    doc = new_doc()
    para(doc, "Friends of Hillside Library", style="Title")
    para(doc, "Minutes of the Annual Planning Meeting held on 1 February 2024 at the Library, 18:00", italic=True)
    para(doc, "**Present:** Jane Doe (Chair), Oliver Grant (Secretary), Chloe Martin, Samuel Ortiz, Nadia Ahmed")
    para(doc, "**Apologies:** Ruth Cohen")
    para(doc, "1. Welcome", style="Heading 1")
    para(doc, "Jane Doe welcomed the members and thanked Chloe Martin for organising the book sale in December.")
    para(doc, "2. Budget for 2024", style="Heading 1")
    para(
        doc,
        "The draft budget foresees £6,500 of income, mostly from the book sales and the summer fair. The main "
        "spending is the children's reading challenge (£2,000) and new shelving for the local history room.",
    )
    para(doc, "**ACTION:** Jane Doe to circulate the budget by 15 February 2024.")
    para(doc, "3. Summer fair", style="Heading 1")
    para(
        doc,
        "The fair will take place on Saturday 29 June. Samuel Ortiz has asked three local bands; two have agreed "
        "to play. Members discussed whether to charge an entry fee and agreed to keep the fair free.",
    )
    para(doc, "**ACTION:** Samuel Ortiz to confirm the bands and the sound system by 31 March 2024.")
    para(doc, "**ACTION:** Nadia Ahmed to apply for the council's community events grant by 15 April 2024.")
    para(doc, "4. Volunteer rota", style="Heading 1")
    para(doc, "Chloe Martin presented the new rota. Saturday mornings still need two more volunteers.")
    para(doc, "**ACTION:** Oliver Grant to put a call for volunteers in the March newsletter by 1 March 2024.")
    para(doc, "5. Any other business", style="Heading 1")
    para(doc, "None. The meeting closed at 19:40.")
    para(doc, "Summary of actions", style="Heading 1")
    action_table(
        doc,
        ["Item", "Action", "Owner", "Deadline"],
        [
            ["2", "Circulate the budget", "Jane Doe", "15 February 2024"],
            ["3", "Confirm the bands and the sound system", "Samuel Ortiz", "31 March 2024"],
            ["3", "Apply for the council's community events grant", "Nadia Ahmed", "15 April 2024"],
            ["4", "Put a call for volunteers in the March newsletter", "Oliver Grant", "1 March 2024"],
        ],
    )
    save(doc, os.path.join(OUT, "prose-actions-en.docx"))


def merged_cells():
    """Merged cells: the header table's title spans its four columns (gridSpan) and its label 'Participants' runs
    down three rows (vMerge); the action table opens with a title row over its three columns, and one owner and one
    deadline cover two actions (vMerge)."""
    doc = new_doc()
    h = doc.add_table(rows=6, cols=4)
    h.style = "Table Grid"
    merge(h, 0, 0, 0, 3, "Comité de pilotage du projet EAU-2024 – Compte rendu", bold=True)
    set_cell(h.cell(1, 0), "Date", bold=True)
    set_cell(h.cell(1, 1), "5 avril 2024")
    set_cell(h.cell(1, 2), "Lieu", bold=True)
    set_cell(h.cell(1, 3), "Mairie de Ballan, salle du conseil")
    set_cell(h.cell(2, 0), "Présidence", bold=True)
    merge(h, 2, 1, 2, 3, "Claire Fontaine")
    merge(h, 3, 0, 5, 0, "Participants", bold=True)
    people = [
        ("Claire Fontaine", "Communauté de communes"),
        ("Hugo Lambert", "Syndicat des eaux"),
        ("Nadia Benali", "Agence de l'eau"),
    ]
    for i, (name, org) in enumerate(people):
        set_cell(h.cell(3 + i, 1), name)
        merge(h, 3 + i, 2, 3 + i, 3, org)
    para(doc, "")
    para(doc, "1. Avancement des travaux", style="Heading 2")
    para(
        doc,
        "Hugo Lambert a présenté l'avancement : la nouvelle conduite est posée sur 2,3 km sur 3,1 km. Le retard "
        "pris en février à cause des pluies est presque rattrapé.",
    )
    para(doc, "2. Budget et financements", style="Heading 2")
    para(
        doc,
        "Nadia Benali a confirmé la subvention de l'Agence de l'eau (40 % du montant des travaux). Le solde sera "
        "financé par un emprunt de la communauté de communes.",
    )
    a = doc.add_table(rows=5, cols=3)
    a.style = "Table Grid"
    merge(a, 0, 0, 0, 2, "Actions à mener", bold=True)
    for c, label in enumerate(["Action", "Responsable", "Échéance"]):
        set_cell(a.cell(1, c), label, bold=True)
    set_cell(a.cell(2, 0), "Envoyer la convention de subvention signée")
    set_cell(a.cell(3, 0), "Préparer le dossier d'emprunt")
    merge(a, 2, 1, 3, 1, "Claire Fontaine")
    merge(a, 2, 2, 3, 2, "30 avril 2024")
    set_cell(a.cell(4, 0), "Organiser une visite du chantier pour les élus")
    set_cell(a.cell(4, 1), "Hugo Lambert")
    set_cell(a.cell(4, 2), "17 mai 2024")
    para(doc, "3. Questions diverses", style="Heading 2")
    para(doc, "Aucune question diverse. Prochain comité le 7 juin 2024.")
    save(doc, os.path.join(OUT, "merged-cells.docx"))


def tracked_changes():
    """Tracked changes (insertions and deletions, a whole deleted paragraph, a changed deadline) and comments
    by two reviewers; accepted by default, comments dropped unless --keep-comments."""
    doc = new_doc()
    para(doc, "Parent-Teacher Association – Minutes", style="Title")
    para(doc, "Date: 16 April 2024")
    para(doc, "Place: School library")
    para(doc, "Present: Emma Clarke (Chair), Lucas Brown, Mia Wilson, Noah Taylor")
    para(doc, "Heading", style="Heading 1").text = "1. School garden"
    p = para(doc, "")
    raw_run(
        p,
        run_xml("The garden beds were rebuilt over the Easter holidays by ")
        + dele(1, "Mia Wilson", "six")
        + ins(2, "Mia Wilson", "eight")
        + run_xml(" parent volunteers. ")
        + '<w:commentRangeStart w:id="0"/>'
        + run_xml("The school will buy seeds and compost for the summer term.")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>',
    )
    # A paragraph deleted as a whole (its text and its mark).
    p = para(doc, "")
    p._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:rPr {nsdecls("w")}><w:del w:id="3" w:author="Emma Clarke" w:date="2024-04-11T09:30:00Z"/></w:rPr>'
        )
    )
    raw_run(p, dele(4, "Emma Clarke", "Mr Taylor said the watering rota was not working during the holidays."))
    table(
        doc,
        [
            ["Action", "Owner", "Deadline"],
            ["Order seeds and compost", "Lucas Brown", None],
        ],
    )
    deadline = doc.tables[-1].cell(1, 2).paragraphs[0]
    raw_run(deadline, dele(5, "Mia Wilson", "1 May 2024") + ins(6, "Mia Wilson", "8 May 2024"))
    para(doc, "Heading", style="Heading 1").text = "2. Summer fete"
    p = para(doc, "")
    raw_run(
        p,
        run_xml("The fete will be held on Saturday 6 July")
        + ins(7, "Emma Clarke", " from 12:00 to 16:00")
        + run_xml(". Noah Taylor will run the tombola")
        + dele(8, "Emma Clarke", " and the cake stall")
        + run_xml(".")
        + '<w:commentRangeStart w:id="1"/>'
        + run_xml(" Profits go to the new playground.")
        + '<w:commentRangeEnd w:id="1"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="1"/></w:r>',
    )
    table(
        doc,
        [
            ["Action", "Owner", "Deadline"],
            ["Collect prizes for the tombola", "Noah Taylor", "21 June 2024"],
        ],
    )
    comments_part(
        doc,
        [
            (0, "Lucas Brown", "LB", "Budget of £150 agreed with the head teacher."),
            (1, "Emma Clarke", "EC", "Check with the governors first."),
        ],
    )
    save(doc, os.path.join(OUT, "tracked-changes.docx"))


def footnotes_lists_link():
    """Footnotes, nested bullet lists (Word numbering, levels 0-2) with an ordered list inside, a link, bold and
    italic in running text."""
    doc = new_doc()
    bullets = add_numbering(doc, [("bullet", "\uf0b7"), ("bullet", "o"), ("bullet", "\uf0a7")])
    steps = add_numbering(doc, [("decimal", "%1."), ("lowerLetter", "%2)")])
    para(doc, "Open Data Network – Steering Group", style="Title")
    para(doc, "Date: 7 May 2024")
    para(doc, "Attendees: Laura Becker, Kwame Mensah, Yuki Tanaka, Omar Haddad")
    para(doc, "Secretary: Yuki Tanaka")
    para(doc, "1. Data portal release", style="Heading 1")
    p = para(doc, "Kwame Mensah reported that the new portal went live on 2 May")
    raw_run(p, footnote_ref(1))
    add_runs(p, ". Early feedback is **positive**; the *search page* is the most used.")
    para(doc, "Feedback received so far:")
    list_item(doc, "Performance", bullets, 0)
    list_item(doc, "Pages load in under two seconds.", bullets, 1)
    list_item(doc, "The map view is slow on mobile phones.", bullets, 1)
    list_item(doc, "Measured on a mid-range phone over 4G.", bullets, 2)
    list_item(doc, "Content", bullets, 0)
    list_item(doc, "Three datasets lack a licence.", bullets, 1)
    p = para(doc, "The release notes are published on the ")
    hyperlink(p, "project wiki", "https://wiki.example.org/portal/release-2-0")
    add_runs(p, ".")
    para(doc, "2. Licensing of datasets", style="Heading 1")
    p = para(doc, "The group agreed to publish all datasets under CC BY 4.0")
    raw_run(p, footnote_ref(2))
    add_runs(p, ", in three steps:")
    list_item(doc, "ask each publisher to confirm;", steps, 0)
    list_item(doc, "add the licence to the metadata:", steps, 0)
    list_item(doc, "in the portal;", steps, 1)
    list_item(doc, "in the download files;", steps, 1)
    list_item(doc, "announce the change in the newsletter.", steps, 0)
    action_table(
        doc,
        ["Action", "Owner", "Due"],
        [
            ["Write to the publishers of the three datasets", "Omar Haddad", "24 May 2024"],
            ["Speed up the map view on mobile", "Laura Becker", "28 June 2024"],
        ],
    )
    footnotes_part(
        doc,
        [
            (1, "The launch had been planned for 25 April and was delayed by a week for security testing."),
            (2, "Creative Commons Attribution 4.0 International."),
        ],
    )
    save(doc, os.path.join(OUT, "footnotes-lists-link.docx"))


def page_header():
    """The meeting's name and date are only in the page header (a table in header1.xml); the body opens with
    'Présents :' and 'Excusés :' lines and an 'Ordre du jour' list."""
    doc = new_doc()
    header = doc.sections[0].header
    ht = header.add_table(rows=1, cols=2, width=doc.sections[0].page_width - doc.sections[0].left_margin * 2)
    set_cell(ht.cell(0, 0), "Association Les Jardins Partagés\nConseil d'administration", bold=True)
    set_cell(ht.cell(0, 1), "Procès-verbal de la séance du 28 mai 2024")
    doc.sections[0].footer.paragraphs[0].text = "Les Jardins Partagés – 12 rue des Lilas, 37000 Tours"
    para(doc, "**Présents :** Anne Morel (présidente), Julien Petit (trésorier), Sophie Garnier (secrétaire), Karim Haddad")
    para(doc, "**Excusés :** Pauline Roux, Marc Lefèvre")
    para(doc, "**Ordre du jour**")
    steps = add_numbering(doc, [("decimal", "%1.")])
    list_item(doc, "Bilan de la fête des semis", steps)
    list_item(doc, "Nouvelles parcelles", steps)
    list_item(doc, "Questions diverses", steps)
    para(doc, "1. Bilan de la fête des semis", style="Heading 2")
    para(
        doc,
        "La fête du 4 mai a réuni environ 150 visiteurs. La vente de plants a rapporté 620 €, qui financeront "
        "le nouveau récupérateur d'eau.",
    )
    para(doc, "2. Nouvelles parcelles", style="Heading 2")
    para(
        doc,
        "La mairie propose deux parcelles supplémentaires derrière l'école. Le conseil accepte à l'unanimité et "
        "donnera la priorité aux familles inscrites sur la liste d'attente.",
    )
    action_table(
        doc,
        ["Action", "Responsable", "Échéance"],
        [
            ["Signer la convention avec la mairie", "Anne Morel", "15 juin 2024"],
            ["Contacter les familles de la liste d'attente", "Sophie Garnier", "30 juin 2024"],
        ],
    )
    para(doc, "3. Questions diverses", style="Heading 2")
    para(doc, "Karim Haddad propose un atelier compost en septembre ; il sera discuté à la prochaine séance.")
    save(doc, os.path.join(OUT, "page-header.docx"))


def attendees_linebreaks():
    """Attendees in one cell, one per line (w:br in one paragraph), each with the agency in brackets."""
    doc = new_doc()
    para(doc, "Health Cluster Coordination Meeting", style="Title")
    table(
        doc,
        [
            ["Date", "25 January 2024"],
            ["Venue", "WHO country office, Meeting room 1"],
            ["Chair", "Dr Amina Yusuf (WHO)"],
            [
                "Participants",
                "Dr Amina Yusuf (WHO)\nCarlos Mendes (UNICEF)\nFatou Sow (MSF)\nJohn Mwangi (IRC)\n"
                "Priya Nair (Save the Children)\nAhmed Karim (Ministry of Health)",
            ],
        ],
        header_bold=False,
    )
    para(doc, "")
    para(doc, "1. Cholera preparedness", style="Heading 2")
    para(
        doc,
        "WHO reported 37 suspected cases in the northern district since 1 January. Stocks of oral rehydration "
        "salts are sufficient for two months. The Ministry of Health will open two treatment units.",
    )
    action_table(
        doc,
        ["Action", "Responsible", "Deadline"],
        [
            ["Share the stock report with all partners", "Carlos Mendes (UNICEF)", "31 January 2024"],
            ["Map the partners present in the northern district", "John Mwangi (IRC)", "7 February 2024"],
        ],
    )
    para(doc, "2. Measles vaccination campaign", style="Heading 2")
    para(
        doc,
        "Save the Children presented the plan for the campaign in March. Community mobilisers will be trained "
        "in the last week of February.",
    )
    action_table(
        doc,
        ["Action", "Responsible", "Deadline"],
        [["Send the training schedule to the cluster", "Priya Nair (Save the Children)", "16 February 2024"]],
    )
    save(doc, os.path.join(OUT, "attendees-linebreaks.docx"))


def german():
    """A German Protokoll: 'Tagesordnung', 'Anwesend', 'Entschuldigt', TOP headings, an Aufgaben table."""
    doc = new_doc()
    para(doc, "Protokoll der Vorstandssitzung des Sportvereins TSV Grünwald e. V.", style="Title")
    para(doc, "**Datum:** 7. März 2024")
    para(doc, "**Uhrzeit:** 19:00 – 21:15 Uhr")
    para(doc, "**Ort:** Vereinsheim, Sportplatzweg 3")
    para(doc, "**Sitzungsleitung:** Klaus Becker")
    para(doc, "**Protokoll:** Julia Wagner")
    para(doc, "**Anwesend:** Klaus Becker, Julia Wagner, Stefan Hoffmann, Miriam Schulz, Thomas Krüger")
    para(doc, "**Entschuldigt:** Andrea Meyer")
    para(doc, "Tagesordnung", style="Heading 1")
    steps = add_numbering(doc, [("decimal", "%1.")])
    list_item(doc, "Begrüßung und Genehmigung des Protokolls", steps)
    list_item(doc, "Sanierung der Umkleideräume", steps)
    list_item(doc, "Sommerfest", steps)
    list_item(doc, "Verschiedenes", steps)
    para(doc, "TOP 1: Begrüßung und Genehmigung des Protokolls", style="Heading 2")
    para(doc, "Klaus Becker begrüßt die Anwesenden. Das Protokoll der Sitzung vom 1. Februar 2024 wird ohne Änderungen genehmigt.")
    para(doc, "TOP 2: Sanierung der Umkleideräume", style="Heading 2")
    para(
        doc,
        "Stefan Hoffmann stellt drei Angebote vor. Das günstigste liegt bei 38.500 €. Der Zuschuss der Gemeinde "
        "deckt 30 % der Kosten. Der Vorstand beschließt einstimmig, das Angebot der Firma Bau & Holz anzunehmen.",
    )
    action_table(
        doc,
        ["Aufgabe", "Verantwortlich", "Termin"],
        [
            ["Auftrag an Bau & Holz erteilen", "Stefan Hoffmann", "22. März 2024"],
            ["Zuschussantrag bei der Gemeinde einreichen", "Miriam Schulz", "15. April 2024"],
        ],
    )
    para(doc, "TOP 3: Sommerfest", style="Heading 2")
    para(doc, "Das Sommerfest findet am 13. Juli 2024 statt. Thomas Krüger übernimmt die Planung der Jugendturniere.")
    action_table(
        doc,
        ["Aufgabe", "Verantwortlich", "Termin"],
        [["Helferliste erstellen", "Thomas Krüger", "31. Mai 2024"]],
    )
    para(doc, "TOP 4: Verschiedenes", style="Heading 2")
    para(doc, "Keine Wortmeldungen. Die nächste Sitzung findet am 4. April 2024 statt.")
    save(doc, os.path.join(OUT, "german.docx"))


def uncertain():
    """Things an importer cannot be sure of, to see its warnings at 'paragraph N' / 'table N, row M': an action
    with no owner in prose, an action row with no owner, text before the first item that is no header, a
    summary row naming an item that does not exist."""
    doc = new_doc()
    para(doc, "Editorial Board – Minutes", style="Title")
    para(doc, "Date: 3 June 2024")
    para(doc, "Present: Ana Lima, Ben Carter, Chen Wei")
    para(doc, "Draft – not yet approved by the board.", italic=True)
    para(doc, "1. Autumn issue", style="Heading 1")
    para(doc, "The autumn issue will have six articles. Two reviewers are still missing for the article on rivers.")
    para(doc, "ACTION: find two reviewers for the rivers article by 14 June 2024.")
    table(doc, [["Action", "Owner", "Deadline"], ["Send the style guide to the new authors", "", "10 June 2024"]])
    para(doc, "2. Any other business", style="Heading 1")
    para(doc, "None.")
    # A summary row whose item (7) does not exist: where it belongs is a guess.
    para(doc, "Summary of actions", bold=True)
    action_table(
        doc,
        ["Item", "Action", "Owner", "Deadline"],
        [["7", "Book the printer for the autumn issue", "Ben Carter", "1 July 2024"]],
    )
    save(doc, os.path.join(OUT, "uncertain.docx"))


def png(width, height, pixel):
    """A small PNG drawn by `pixel(x, y) -> (r, g, b)`, without any imaging library."""
    import struct
    import zlib

    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def image():
    """A picture in an item (a bar chart as a PNG, with its alternative text), to be written beside the Markdown."""
    doc = new_doc()
    bars = [12, 18, 9, 15]

    def pixel(x, y):
        bar = x // 20
        return (31, 78, 121) if x % 20 < 14 and 40 - y <= bars[bar] * 2 else (255, 255, 255)

    para(doc, "Youth Council – Minutes", style="Title")
    para(doc, "Date: 10 September 2024")
    para(doc, "Present: Maya Ortiz, Leo Fischer, Zara Ali")
    para(doc, "1. Attendance at the summer workshops", style="Heading 1")
    para(doc, "Leo Fischer showed the attendance at the four summer workshops:")
    doc.add_picture(io.BytesIO(png(80, 40, pixel)))
    doc.paragraphs[-1]._p.xpath(".//wp:docPr")[0].set("descr", "Attendance at the four summer workshops")
    para(doc, "The second workshop, on podcasting, drew the most people.")
    action_table(doc, ["Action", "Owner", "Deadline"], [["Plan a second podcasting workshop", "Zara Ali", "1 October 2024"]])
    save(doc, os.path.join(OUT, "image.docx"))


# ---------------------------------------------------------------------------------------------------------
# Hidden-like set (test/fixtures/import/hidden-like/): other secretariats' styles, written to simulate the
# project's hidden test; the importer's code was not read while writing them.


def un_coordination():
    """UN-like: a 4-column header table (label, value, label, value), 'Participants' as a paragraph of agencies,
    numbered agenda, items as shaded bold paragraphs 'Agenda item N:', an 'Action points' table with a number
    column and deadlines written dd/mm/yyyy and 'End of April 2024'."""
    doc = new_doc()
    para(doc, "PROTECTION SECTOR WORKING GROUP", bold=True, size=14, align="center", color="1F4E79")
    para(doc, "MEETING MINUTES", bold=True, size=12, align="center", color="1F4E79")
    t_ = table(
        doc,
        [
            ["Date:", "18 April 2024", "Venue:", "UNHCR Sub-Office, Conference room B"],
            ["Chair:", "Marta Silva (UNHCR)", "Co-chair:", "Joseph Okello (NRC)"],
            ["Minutes:", "Leila Nasser (UNHCR)", "Time:", "10:00 – 12:00"],
        ],
        header_bold=False,
    )
    for row in t_.rows:
        for c in (0, 2):
            for run in row.cells[c].paragraphs[0].runs:
                run.bold = True
    para(doc, "")
    para(
        doc,
        "**Participants:** UNHCR, NRC, IRC, UNICEF, UNFPA, DRC, Terre des Hommes, Ministry of Social Affairs "
        "(14 participants, list attached)",
    )
    para(doc, "**Agenda**")
    para(doc, "1. Review of action points from the last meeting")
    para(doc, "2. Protection monitoring update, March 2024")
    para(doc, "3. Referral pathways for survivors of gender-based violence")
    para(doc, "4. AOB")

    def item(text):
        p = para(doc, text, bold=True)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="D9D9D9"/>')
        )

    item("Agenda item 1: Review of action points from the last meeting")
    para(doc, "Of the five action points agreed on 14 March, four are completed. The mapping of legal aid actors is ongoing (NRC).")
    item("Agenda item 2: Protection monitoring update, March 2024")
    para(
        doc,
        "DRC presented the monitoring results: 1,150 households interviewed in 12 locations. The main risks "
        "reported are lack of documentation (38%), child labour (21%) and eviction threats (17%).",
    )
    para(doc, "Partners asked for the data to be broken down by district and by sex and age.")
    item("Agenda item 3: Referral pathways for survivors of gender-based violence")
    para(
        doc,
        "UNFPA presented the updated referral pathway. Two health facilities in the eastern district no longer "
        "provide clinical management of rape; partners should refer to the district hospital instead.",
    )
    item("Agenda item 4: AOB")
    para(doc, "The next meeting will be held on 16 May 2024 at the same venue.")
    para(doc, "**Action points**")
    action_table(
        doc,
        ["#", "Action point", "Responsible", "Deadline"],
        [
            ["1", "Complete the mapping of legal aid actors", "NRC", "End of April 2024"],
            ["2", "Share the monitoring data by district, sex and age", "DRC", "30/04/2024"],
            ["3", "Circulate the updated GBV referral pathway", "UNFPA", "25/04/2024"],
        ],
    )
    save(doc, os.path.join(HIDDEN, "un-coordination.docx"))


def ngo_board():
    """NGO board: 'held on … at …' sentence, 'In attendance', item headings with reference numbers
    (BT/24/01), prose actions naming initials ('Action: SP to …'), a closing summary table."""
    doc = new_doc()
    para(doc, "BRIGHT FUTURES TRUST", bold=True, size=14)
    para(doc, "Minutes of the meeting of the Board of Trustees held on Tuesday 23 January 2024 at 6.00pm at 14 Mill Street, Leeds", bold=True)
    para(doc, "**Present:** Helen Ward (HW, Chair), Samir Patel (SP, Treasurer), Grace Liu (GL), Owen Davies (OD)")
    para(doc, "**In attendance:** Rachel Moore (RM, Director), Ben Foster (BF, minutes)")
    para(doc, "**Apologies:** Fiona Grant")
    para(doc, "BT/24/01 Welcome and declarations of interest", style="Heading 2")
    para(doc, "HW welcomed trustees. GL declared an interest in item BT/24/04 as a volunteer at the Leeds food bank.")
    para(doc, "BT/24/02 Minutes of the last meeting and matters arising", style="Heading 2")
    para(doc, "The minutes of 21 November 2023 were approved. All matters arising are covered by this agenda.")
    para(doc, "BT/24/03 Finance report", style="Heading 2")
    para(
        doc,
        "SP presented the management accounts to 31 December. Unrestricted reserves stand at £84,000, four months "
        "of running costs, against a target of six months. Trustees asked for a fundraising plan to close the gap.",
    )
    para(doc, "Action: SP to present a reserves plan at the next meeting by 19 March 2024.")
    para(doc, "BT/24/04 Food bank partnership", style="Heading 2")
    para(
        doc,
        "RM proposed a pilot with the Leeds food bank to offer debt advice on site one day a week. The board "
        "approved the pilot for six months; GL did not take part in the decision.",
    )
    para(doc, "Action: RM to sign the partnership agreement by 29 February 2024.")
    para(doc, "Action: OD to review the safeguarding policy for work on partner premises by 31 March 2024.")
    para(doc, "BT/24/05 Any other business", style="Heading 2")
    para(doc, "None. Date of next meeting: 19 March 2024.")
    para(doc, "Summary of actions", bold=True)
    action_table(
        doc,
        ["Ref", "Action", "Who", "By"],
        [
            ["BT/24/03", "Present a reserves plan", "SP", "19 March 2024"],
            ["BT/24/04", "Sign the partnership agreement", "RM", "29 February 2024"],
            ["BT/24/04", "Review the safeguarding policy for work on partner premises", "OD", "31 March 2024"],
        ],
    )
    save(doc, os.path.join(HIDDEN, "ngo-board.docx"))


def association_bureau():
    """A French association's bureau: header table with 'Réunion du', 'Animation', 'Secrétaire', 'Présent·es',
    'Excusé·es'; items as Heading 1 numbered by Word; 'Relevé de décisions' and an action table whose columns
    come in another order (Qui / Quoi / Pour quand)."""
    doc = new_doc()
    nums = add_numbering(doc, [("decimal", "%1.")])
    para(doc, "Compte rendu de la réunion de bureau", style="Title")
    para(doc, "Association Vélo en Ville", italic=True)
    table(
        doc,
        [
            ["Réunion du", "mardi 9 avril 2024, 18h30"],
            ["Lieu", "Local de l'association, 5 place du Marché"],
            ["Animation", "Inès Dubois"],
            ["Secrétaire", "Mathieu Girard"],
            ["Présent·es", "Inès Dubois, Mathieu Girard, Léa Rousseau, Bruno Carpentier"],
            ["Excusé·es", "Chloé Vidal"],
        ],
        header_bold=False,
    )
    para(doc, "")
    numbered(para(doc, "Atelier de réparation", style="Heading 1"), nums)
    para(
        doc,
        "L'atelier du samedi accueille en moyenne 25 personnes. Il manque des bénévoles formés à la mécanique, "
        "surtout pour les freins et les dérailleurs.",
    )
    para(doc, "Relevé de décisions", bold=True)
    para(doc, "Une formation interne sera organisée en mai.")
    action_table(
        doc,
        ["Qui", "Quoi", "Pour quand"],
        [
            ["Bruno Carpentier", "Organiser la formation mécanique", "31 mai 2024"],
            ["Léa Rousseau", "Lancer un appel à bénévoles sur la liste de diffusion", "20 avril 2024"],
        ],
    )
    numbered(para(doc, "Fête du vélo", style="Heading 1"), nums)
    para(
        doc,
        "La mairie nous propose un stand place du Marché le 1er juin. Le bureau accepte et prévoit un atelier "
        "de gravage des vélos contre le vol.",
    )
    action_table(
        doc,
        ["Qui", "Quoi", "Pour quand"],
        [["Mathieu Girard", "Réserver le matériel de gravage", "15 mai 2024"]],
    )
    numbered(para(doc, "Questions diverses", style="Heading 1"), nums)
    para(doc, "Prochaine réunion de bureau le 14 mai 2024.")
    save(doc, os.path.join(HIDDEN, "association-bureau.docx"))


def project_team():
    """A project team's notes as made from a Word meeting template: the header as a horizontal table (labels in
    the first row, values under them), attendees in a Name / Organisation / Role table, the agenda as a table
    (# / Topic / Presenter / Time), items as Heading 2 with Heading 3 'Discussion', 'Decisions' and 'Action
    items', the action items as bullets 'Name – task – due date'."""
    doc = new_doc()
    bullets = add_numbering(doc, [("bullet", "\uf0b7")])
    para(doc, "Project Kick-off Meeting – Solar Schools Programme", style="Title")
    table(
        doc,
        [
            ["Date", "Time", "Location", "Facilitator", "Note taker"],
            ["4 March 2024", "09:30 – 11:00", "Green Energy Alliance office, Nairobi", "Wanjiru Kamau", "Tom Becker"],
        ],
    )
    para(doc, "Attendees", style="Heading 2")
    table(
        doc,
        [
            ["Name", "Organisation", "Role"],
            ["Wanjiru Kamau", "Green Energy Alliance", "Programme manager"],
            ["Tom Becker", "Green Energy Alliance", "Project officer"],
            ["Grace Otieno", "Ministry of Education", "Schools liaison"],
            ["Daniel Mwangi", "SunPower Kenya", "Technical lead"],
        ],
    )
    para(doc, "Agenda", style="Heading 2")
    table(
        doc,
        [
            ["#", "Topic", "Presenter", "Time"],
            ["1", "Programme overview", "Wanjiru Kamau", "15 min"],
            ["2", "Selection of pilot schools", "Grace Otieno", "30 min"],
            ["3", "Installation schedule", "Daniel Mwangi", "30 min"],
        ],
    )
    para(doc, "1. Programme overview", style="Heading 2")
    para(doc, "Discussion", style="Heading 3")
    para(
        doc,
        "Wanjiru Kamau presented the programme: solar panels and batteries for 40 rural schools over two years, "
        "funded by the Alliance and two foundations. The first year covers 12 pilot schools.",
    )
    para(doc, "2. Selection of pilot schools", style="Heading 2")
    para(doc, "Discussion", style="Heading 3")
    para(
        doc,
        "Grace Otieno proposed criteria: no grid connection, more than 300 pupils, and a head teacher willing to "
        "host training. The Ministry will share its list of off-grid schools.",
    )
    para(doc, "Decisions", style="Heading 3")
    numbered(para(doc, "The three criteria are adopted for the pilot.", style="List Paragraph"), bullets)
    para(doc, "Action items", style="Heading 3")
    numbered(para(doc, "Grace Otieno – share the list of off-grid schools – due 15 March 2024", style="List Paragraph"), bullets)
    numbered(para(doc, "Tom Becker – draft the school visit questionnaire – due 22 March 2024", style="List Paragraph"), bullets)
    para(doc, "3. Installation schedule", style="Heading 2")
    para(doc, "Discussion", style="Heading 3")
    para(
        doc,
        "Daniel Mwangi explained that installations take three days per school. Work should avoid the exam "
        "period in November.",
    )
    para(doc, "Action items", style="Heading 3")
    numbered(para(doc, "Daniel Mwangi – send the draft installation plan – due 5 April 2024", style="List Paragraph"), bullets)
    save(doc, os.path.join(HIDDEN, "project-team.docx"))


COUNCIL_HTML = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Procès-verbal du conseil municipal</title></head>
<body>
<p align="center"><b>COMMUNE DE SAINT-MARTIN-SUR-LOIRE</b></p>
<h1 align="center">PROCÈS-VERBAL DU CONSEIL MUNICIPAL</h1>
<p align="center"><b>Séance du 5 février 2024</b></p>
<p>L'an deux mille vingt-quatre, le cinq février à vingt heures, le Conseil municipal de la commune de
Saint-Martin-sur-Loire, dûment convoqué, s'est réuni en session ordinaire à la mairie, sous la présidence
de M. Bernard Leroy, Maire.</p>
<p><b>Date de convocation :</b> 29 janvier 2024</p>
<p><b>Présents :</b> Bernard Leroy, Monique Faure, Alain Chevalier, Nathalie Perrin, Éric Masson, Sylvie Blanc,
Olivier Roche</p>
<p><b>Absents excusés :</b> Patrick Henry (pouvoir à Monique Faure), Isabelle Noël</p>
<p><b>Secrétaire de séance :</b> Nathalie Perrin</p>
<h2>1 – Approbation du procès-verbal de la séance du 11 décembre 2023</h2>
<p>Le procès-verbal de la séance du 11 décembre 2023 est approuvé à l'unanimité.</p>
<h2>2 – Travaux de rénovation de l'école : demande de subvention</h2>
<p>Monsieur le Maire présente le projet de rénovation énergétique de l'école élémentaire, estimé à
245 000 € HT. Il propose de solliciter la dotation d'équipement des territoires ruraux (DETR) au taux
de 40 %.</p>
<p>Après en avoir délibéré, le Conseil municipal, à l'unanimité, autorise le Maire à déposer la demande
de subvention et à signer toutes les pièces s'y rapportant.</p>
<p><i>Vote : pour 8, contre 0, abstention 0.</i></p>
<h2>3 – Tarifs de la salle des fêtes</h2>
<p>Madame Faure propose de maintenir les tarifs 2023 pour les habitants et de porter le tarif extérieur à
350 € le week-end.</p>
<p>Adopté à la majorité (7 pour, 1 abstention : M. Roche).</p>
<h2>4 – Questions diverses</h2>
<p>M. Chevalier signale des nids-de-poule rue des Écoles. Le Maire demande aux services techniques de
les reboucher avant le 1er mars 2024.</p>
<p>La séance est levée à 21h40.</p>
<table border="1">
<tr><td><b>Le Maire</b><br/>Bernard Leroy</td><td><b>La secrétaire de séance</b><br/>Nathalie Perrin</td></tr>
</table>
</body></html>
"""


def municipal_council():
    """A town hall's procès-verbal made in LibreOffice (HTML → DOCX by soffice): headings from HTML h1/h2, the
    opening formula, 'Présents', 'Absents excusés' with proxies, 'Secrétaire de séance', votes, no action table."""
    soffice = shutil.which("soffice")
    if not soffice:
        print("skipped hidden-like/municipal-council.docx: soffice is not installed", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "municipal-council.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(COUNCIL_HTML)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
             "docx:MS Word 2007 XML", "--outdir", tmp, src],
            check=True,
            capture_output=True,
        )
        with open(os.path.join(tmp, "municipal-council.docx"), "rb") as f:
            write_zip(f.read(), os.path.join(HIDDEN, "municipal-council.docx"))


def main():
    for make in (
        no_styles,
        word_numbering,
        header_table,
        seed_layout_fr,
        prose_actions_en,
        merged_cells,
        tracked_changes,
        footnotes_lists_link,
        page_header,
        attendees_linebreaks,
        german,
        uncertain,
        image,
        un_coordination,
        ngo_board,
        association_bureau,
        project_team,
        municipal_council,
    ):
        make()


if __name__ == "__main__":
    main()
