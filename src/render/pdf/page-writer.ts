// The cursor over the page body: vertical position, page breaks, and the tagged-PDF bookkeeping.
// All drawing goes through content() (text of a structure element) or artifact() (borders, fills, rules).
import type { FontBook } from "./font-book.js";
import type { PdfStyles } from "./pdf-styles.js";

export type Tag = PDFKit.PDFStructureElement;

/** Options for a structure element; `scope` marks a table header cell as a row or column header. */
export interface TagOptions {
  scope?: "Row" | "Column";
  lang?: string;
  /** A Figure's alternative text. */
  alt?: string;
}

const EPSILON = 0.01;

export class PageWriter {
  /** Top of the next thing to draw, in pdfkit's top-down coordinates. */
  y: number;
  readonly root: Tag;
  private openTag: Tag | null = null;
  private readonly rules: { x: number; from: number }[] = [];
  private readonly images = new Map<Uint8Array, unknown>();
  /** Draws what every page starts with (the page header); run for each page, the first one included. */
  private pageStart: () => void = () => {};

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly styles: PdfStyles,
    readonly fonts: FontBook,
  ) {
    this.y = styles.page.top;
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }

  get left(): number {
    return this.styles.page.left;
  }
  get width(): number {
    return this.styles.page.right - this.styles.page.left;
  }
  get top(): number {
    return this.styles.page.top;
  }
  get bottom(): number {
    return this.styles.page.bottom;
  }
  /** Height left on this page. */
  get room(): number {
    return this.bottom - this.y;
  }
  /** Height of an empty page body. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }
  get atTop(): boolean {
    return this.y <= this.top + EPSILON;
  }

  /** Starts a new page unless `height` fits here; at the top of a page there is nowhere better to go. */
  ensure(height: number): void {
    if (height > this.room + EPSILON && !this.atTop) this.newPage();
  }

  onPageStart(draw: () => void): void {
    this.pageStart = draw;
    draw();
  }

  /** Vertical space, dropped at the top of a page so every page body starts flush. */
  gap(height: number): void {
    if (!this.atTop) this.y = Math.min(this.y + height, this.bottom);
  }

  newPage(): void {
    this.closeMark();
    for (const rule of this.rules) this.drawRule(rule.x, rule.from, this.y);
    this.doc.addPage();
    this.y = this.top;
    this.pageStart();
    for (const rule of this.rules) rule.from = this.y;
  }

  /** A structure element, attached to its parent at once so reading order is creation order. */
  tag(type: string, parent: Tag, options: TagOptions = {}): Tag {
    const tag = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    parent.add(tag);
    return tag;
  }

  /** Runs `draw` inside a marked-content sequence of `tag` on the current page. */
  content(tag: Tag, draw: () => void): void {
    if (this.openTag !== tag) {
      this.closeMark();
      tag.add(this.doc.markStructureContent(tagType(tag)));
      this.openTag = tag;
    }
    draw();
  }

  /** Runs `draw` as an artifact: decoration that assistive technology and text extraction should skip. */
  artifact(draw: (doc: PDFKit.PDFDocument) => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.closeMark();
    this.doc.markContent("Artifact", { type });
    this.doc.save();
    draw(this.doc);
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  /** Ends a structure element once all its content is drawn, which lets pdfkit write it out. */
  end(tag: Tag): void {
    // Ending an element ends its children too, so whatever sequence is open belongs to a finished element.
    this.closeMark();
    tag.end();
  }

  /** An image opened once per document, so a logo on every page is embedded once. */
  logoImage(logo: { image: Uint8Array }): Buffer {
    let image = this.images.get(logo.image);
    if (!image) {
      image = (this.doc as unknown as { openImage(src: Buffer): unknown }).openImage(Buffer.from(logo.image));
      this.images.set(logo.image, image);
    }
    return image as Buffer;
  }

  /** Starts a vertical rule at `x` that follows the content down, across page breaks (block quotes). */
  pushRule(x: number): void {
    this.rules.push({ x, from: this.y });
  }

  popRule(): void {
    const rule = this.rules.pop();
    if (rule) this.drawRule(rule.x, rule.from, this.y);
  }

  finish(): void {
    this.closeMark();
    this.root.end();
  }

  private closeMark(): void {
    if (this.openTag) {
      this.doc.endMarkedContent();
      this.openTag = null;
    }
  }

  private drawRule(x: number, from: number, to: number): void {
    if (to - from < 1) return;
    const { rule } = this.styles.quote;
    this.artifact((doc) => doc.rect(x, from, rule, to - from).fill(this.styles.colors.quoteRule));
  }
}

function tagType(tag: Tag): string {
  return (tag as unknown as { dictionary: { data: { S: string } } }).dictionary.data.S;
}
