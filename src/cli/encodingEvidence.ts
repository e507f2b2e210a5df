/** How the encoding of a text input was known (for the summary): see decodeInput's detectEncoding; "forced" is --encoding. */
export type EncodingEvidence = "bom" | "utf8" | "zeros" | "bytes" | "headers" | "forced";
