// The one module that imports pdfkit (and, through it, fontkit, which no source file imports): the PDF
// renderer's files take PDFDocument from here. pdfkit's internals the renderer still touches (to move here):
// kit._addInfo (create-document.ts), kit._font and kit._fontFamilies (font-book.ts), doc.outline.addItem
// (item-anchors.ts), doc.openImage and a structure element's dictionary (page-writer.ts), doc.page.fonts
// (text-line.ts). Edits to pdfkit's and fontkit's own code are patches/*.patch (patches/README.md).
export { default } from "pdfkit";
