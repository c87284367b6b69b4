// Text from a file, made safe to print on a terminal: a control character (C0 but tab and line feed,
// DEL, C1) is shown as its Unicode control picture (ESC as ␛) or U+FFFD, so a meeting cannot send escape
// sequences (clear the screen, retitle the window, fake a line with a carriage return) through a message
// or the action table.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function printable(text: string): string {
  return text.replace(controls, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? "\u2421" : "\ufffd";
  });
}
