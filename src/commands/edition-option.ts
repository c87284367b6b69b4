// --edition internal|public, for build and every register command (actions, decisions, attendance) and the
// convocation: which edition of the meetings they print (src/model/public-edition.ts).
import { Option } from "commander";
import { say } from "../i18n/messages.js";
import type { Edition } from "../model/public-edition.js";
import { valueName } from "./localised-help.js";

export const editionOption = (): Option =>
  new Option(`--edition ${valueName("help.value.name")}`, say("help.option.edition")).choices(["internal", "public"]);

export type { Edition };
