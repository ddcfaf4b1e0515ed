/** The XML namespaces teikit reads and writes. */
export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** TEI's examples (`<egXML>`): markup shown, not part of the document. */
export const TEI_EXAMPLES_NS = 'http://www.tei-c.org/ns/Examples';
