/** The small part of papaparse's API the command line uses (the package ships no typings). */
declare module "papaparse" {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
  }
  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface ParseConfig {
    delimiter?: string;
    newline?: string;
    preview?: number;
    skipEmptyLines?: boolean | "greedy";
    delimitersToGuess?: string[];
  }
  export function parse(input: string, config?: ParseConfig): ParseResult;
  export function unparse(data: unknown[][], config?: { newline?: string; delimiter?: string }): string;
}
