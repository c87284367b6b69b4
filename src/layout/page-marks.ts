// The sizes of what is drawn on the page around the text, decided once for every format: the logo in the page
// header (the theme's size, shrunk to the top margin and a third of the text width), the logo above the title
// (at most the text width and a quarter of the page body), and the draft watermark's type size (its text
// across three quarters of the page width, 110 points at most), turned 40° anticlockwise.

export interface Size {
  width: number;
  height: number;
}

/** Room left above the header's rule for the logo: the top margin less the rule's place, its gap and the text's. */
export function headerLogoSize(logo: Size, topMargin: number, textWidth: number): Size {
  const room = Math.max(12, topMargin - 14 - 3 - 10);
  const scale = Math.min(1, room / logo.height, textWidth / 3 / logo.width);
  return { width: logo.width * scale, height: logo.height * scale };
}

export function titleLogoSize(logo: Size, textWidth: number, bodyHeight: number): Size {
  const scale = Math.min(1, textWidth / logo.width, bodyHeight / 4 / logo.height);
  return { width: logo.width * scale, height: logo.height * scale };
}

export function watermarkSize(pageWidth: number, text: string): number {
  return Math.min(110, (pageWidth * 0.75) / Math.max(2.5, text.length * 0.62));
}

/** The watermark's angle, in degrees (negative: anticlockwise, reading upwards from bottom left). */
export const watermarkAngle = -40;
