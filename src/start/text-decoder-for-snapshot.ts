// A V8 startup snapshot cannot hold the ICU converter inside a TextDecoder, and libraries bundled into the
// snapshot (fflate, restructure) create theirs when they load. While the snapshot is being built, the
// global TextDecoder is a stand-in that creates the real decoder on first use. Before the heap is saved,
// restoreTextDecoder drops the real decoders those stand-ins made (each is made again, unchanged, on its
// first use in a run) and puts the real class back, so decoders made during a run are ordinary ones.
import v8 from "node:v8";

const made = new Set<LazyTextDecoder>();
const RealTextDecoder = globalThis.TextDecoder;

class LazyTextDecoder {
  private real: TextDecoder | undefined;
  constructor(
    private readonly label?: string,
    private readonly options?: TextDecoderOptions,
  ) {
    made.add(this);
  }
  private decoder(): TextDecoder {
    return (this.real ??= new RealTextDecoder(this.label, this.options));
  }
  get encoding(): string {
    return this.decoder().encoding;
  }
  get fatal(): boolean {
    return this.decoder().fatal;
  }
  get ignoreBOM(): boolean {
    return this.decoder().ignoreBOM;
  }
  decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    return this.decoder().decode(input, options);
  }
}

if (v8.startupSnapshot.isBuildingSnapshot()) globalThis.TextDecoder = LazyTextDecoder as unknown as typeof TextDecoder;

export function restoreTextDecoder(): void {
  for (const decoder of made) (decoder as unknown as { real: undefined }).real = undefined;
  made.clear();
  globalThis.TextDecoder = RealTextDecoder;
}
