// saxon-js ships no type declarations; this covers the part teikit uses (SaxonJS 2.7 on Node).
declare module 'saxon-js' {
  interface TransformOptions {
    /** A compiled stylesheet (SEF), already parsed from JSON. */
    stylesheetInternal: object;
    sourceText: string;
    destination: 'serialized';
    stylesheetParams?: Record<string, string | number | boolean>;
  }
  interface TransformResult {
    principalResult: string;
  }
  interface SaxonJsStatic {
    transform(options: TransformOptions, mode: 'sync'): TransformResult;
  }
  const SaxonJS: SaxonJsStatic;
  export default SaxonJS;
}
