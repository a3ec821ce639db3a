// heic-decode ships no types; this is the part of its API the HEIC decoder uses.
declare module 'heic-decode' {
  type HeicInput = { buffer: Uint8Array | ArrayBuffer };
  type DecodedImage = { width: number; height: number; data: Uint8ClampedArray };
  type LazyImage = { width: number; height: number; decode(): Promise<DecodedImage> };
  type LazyImages = LazyImage[] & { dispose(): void };

  function decode(input: HeicInput): Promise<DecodedImage>;
  namespace decode {
    function all(input: HeicInput): Promise<LazyImages>;
  }
  export default decode;
}
