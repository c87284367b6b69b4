// The one module that imports the docx library: the DOCX renderer's files import it from here, so that an
// upgrade or a replacement of docx has one place to start from. Two uses of docx's internals still sit in
// the renderer (to move here): render-docx.ts reads Packer's compiler for the parts before they are zipped,
// and page-furniture.ts passes an ImportedXmlComponent where docx types a Paragraph.
export * from "docx";
