/** Types of officeJs.js (kept in JavaScript so webpack.config.js can run it without a TypeScript loader). */

export interface OfficeJsCdn {
  url: string;
  cloud: string;
}
export interface OfficeJs {
  /** A key of OFFICE_JS_CDNS, or "custom" for an address given in OFFICE_JS_URL. */
  cdn: string;
  url: string;
  origin: string;
  cloud: string;
}
export const OFFICE_JS_CDN_VARIABLE: string;
export const OFFICE_JS_URL_VARIABLE: string;
export const OFFICE_JS_CDNS: Record<"global" | "china" | "gcc" | "gcch" | "dod", OfficeJsCdn>;
export const DEFAULT_CDN: string;
export function officeJsFrom(cdn: string | undefined, url?: string | undefined): OfficeJs;
export function paneContentSecurityPolicy(officeJsOrigin: string, options?: { connect?: string[] }): string;
