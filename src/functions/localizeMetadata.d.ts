/** Types of localizeMetadata.js (kept in JavaScript so webpack.config.js can run it without a TypeScript loader). */

export interface MetadataParameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  [key: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

export interface ParameterTranslation {
  name: string;
  description: string;
}

export interface TranslationTable {
  locale?: string;
  /** Translations shared by every function that has a parameter of that name. */
  parameters?: Record<string, ParameterTranslation>;
  functions?: Record<string, { name?: string; description: string; parameters?: Record<string, ParameterTranslation> }>;
}

export function localizeMetadata(english: FunctionsMetadata, table: TranslationTable): FunctionsMetadata;

/** The generated metadata with `allowErrorForDataTypeAny: true`; throws when a range parameter is not of type any. */
export function finishMetadata(generated: FunctionsMetadata): FunctionsMetadata;
