// The theme's logo as a Word image run: PNG or JPEG, or SVG with its PNG/JPEG fallback, with the alt text
// in the drawing's description (docPr descr) so screen readers announce it.
import {
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  ImageRun,
  TextWrappingType,
  VerticalPositionAlign,
  VerticalPositionRelativeFrom,
  type IFloating,
} from "./docx-library.js";
import type { ThemeLogo } from "../../theme/theme.js";

/** Points → the pixels (at 96 per inch) docx sizes images in. */
const pixels = (points: number): number => Math.max(1, Math.round((points * 96) / 72));

/** At the right margin, its bottom on the line it is anchored to: the header-right logo. */
export const rightOfLine: IFloating = {
  horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, align: HorizontalPositionAlign.RIGHT },
  verticalPosition: { relative: VerticalPositionRelativeFrom.LINE, align: VerticalPositionAlign.BOTTOM },
  wrap: { type: TextWrappingType.NONE },
  allowOverlap: true,
};

export function logoImage(logo: ThemeLogo, size: { width: number; height: number }, floating?: IFloating): ImageRun {
  const transformation = { width: pixels(size.width), height: pixels(size.height) };
  const place = floating ? { floating } : {};
  const altText = { name: "Logo", title: logo.alt, description: logo.alt };
  const raster = { type: logo.type, data: Buffer.from(logo.image) } as const;
  if (logo.svg) {
    return new ImageRun({
      type: "svg",
      data: Buffer.from(logo.svg),
      fallback: raster,
      transformation,
      altText,
      ...place,
    });
  }
  return new ImageRun({ ...raster, transformation, altText, ...place });
}
