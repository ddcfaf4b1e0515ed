// saxon-js ships no type declarations; this covers the part teikit uses (SaxonJS 2.7 on Node).
declare module 'saxon-js' {
  /** A document parsed by SaxonJS (opaque to teikit). */
  export interface SaxonDocument {
    readonly nodeType: number;
  }
  interface TransformOptions {
    /** A compiled stylesheet (SEF), already parsed from JSON. */
    stylesheetInternal: object;
    /** The source document, parsed once and reused for several transforms. */
    sourceNode: SaxonDocument;
    destination: 'serialized';
    stylesheetParams?: Record<string, string | number | boolean | SaxonDocument>;
  }
  interface TransformResult {
    principalResult: string;
  }
  interface XPathOptions {
    params?: Record<string, string>;
  }
  export interface SaxonJsStatic {
    transform(options: TransformOptions, mode: 'sync'): TransformResult;
    XPath: {
      evaluate(expression: string, context: null, options: XPathOptions): SaxonDocument;
    };
  }
  const SaxonJS: SaxonJsStatic;
  export default SaxonJS;
}
