// What every renderer receives besides the model: the theme and the clock, through one seam.
import type { Theme } from "../theme/theme.js";

export interface RenderOptions {
  theme: Theme;
  /** The time written into document metadata. Fixed so that the same input gives the same bytes. */
  timestamp: Date;
}
