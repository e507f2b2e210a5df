/** Types of addinManifest.js (kept in JavaScript so webpack.config.js can run it without a TypeScript loader). */

export const DEV_URL: string;
export const ADDIN_URL_VARIABLE: string;
export class BuildSettingError extends Error {}
export function addinUrlFrom(value: string | undefined): string;
export function manifestVersion(packageVersion: string): string;
export function buildManifest(xml: string, options: { version: string; url?: string }): string;
