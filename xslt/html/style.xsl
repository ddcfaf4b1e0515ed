<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's stylesheet, inlined (the page loads nothing). The view switch is CSS only:
  the radio buttons' state decides whether .dip (diplomatic) or .rdg (reading) parts show.
  Colours keep a contrast of at least 4.5:1 on the page background.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="urn:teikit:xslt"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The design shared with the catalogue, read when the stylesheet is compiled (not at each render). -->
  <xsl:variable name="tk:design" static="yes" as="xs:string" select="unparsed-text('edition.css')"/>

  <xsl:template name="tk:style">
    <style>
<xsl:value-of select="$tk:design" disable-output-escaping="yes"/>
/* The reading edition. */
.views { margin: .75rem 0 1.25rem; }
.view-switch { border: 0; border-block: 1px solid var(--rule); padding: .3rem 0; margin: 0; font: .9rem var(--sans); }
.view-switch legend { float: left; padding: 0; margin-right: .75rem; color: var(--muted); }
.view-switch label { margin-right: 1rem; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; }
dl.legend dd { margin: 0; }
.turn { margin: 1.25rem 0; }
.speaker { font-family: var(--sans); font-size: 1rem; margin: 0 0 .25rem; }
.turn-number { display: inline-block; min-width: 4.5rem; color: var(--muted); font-weight: normal; font-size: .85rem; }
.turn-nav { font: normal .8rem var(--sans); margin-left: .75rem; }
.turn-nav a { text-decoration: none; margin-right: .5rem; color: var(--muted); }
.turn-nav a:hover, .turn-nav a:focus { color: var(--link); text-decoration: underline; }
.editorial { color: var(--muted); }
.para { margin: 0 0 .75rem; }
.narrative { color: #2e2e2e; border-left: 3px solid var(--rule); padding-left: .75rem; }
#summary .narrative { border: 0; padding: 0; }
.para.right { text-align: right; border-left: 0; }
.para.center { text-align: center; border-left: 0; }
.pilcrow { font: .75rem var(--sans); color: var(--muted); text-decoration: none; margin-right: .25rem; }
.pilcrow:hover, .pilcrow:focus { color: var(--link); text-decoration: underline; }
.person { color: inherit; text-decoration: underline dotted; }
.supplied { color: var(--supplied); }
ins.add { color: var(--add); text-decoration: underline; text-decoration-style: double; }
.sic { text-decoration: underline wavy var(--sic); }
.flag, .original-form { color: var(--sic); }
del { color: var(--sic); }
.gap, .unclear, .inline-note { color: var(--muted); }
.app { text-decoration: underline dotted var(--muted); }
.rdg-app, .stage-inline { color: var(--muted); font-style: italic; }
.hi.italic, .hi.i, .hi.it, .hi.italics { font-style: italic; }
.hi.bold, .hi.b { font-weight: bold; }
.hi.sup, .hi.superscript { vertical-align: super; font-size: .8em; }
.hi.sub, .hi.subscript { vertical-align: sub; font-size: .8em; }
.hi.smallcaps, .hi.small-caps, .hi.sc { font-variant: small-caps; }
.hi.underline, .hi.u { text-decoration: underline; }
.hi.spaced, .hi.letterspace, .hi.g { letter-spacing: .15em; }
.hi.strikethrough, .hi.strike { text-decoration: line-through; }
table.table { border-collapse: collapse; margin: 1rem 0; display: block; max-width: 100%; overflow-x: auto; }
pre.egXML { background: #f4f1ea; padding: .5rem .75rem; overflow-x: auto; font-size: .85rem; white-space: pre-wrap; }
table.table td, table.table th { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top; }
table.table caption { text-align: left; font-weight: 600; }
.fw { font: .8rem var(--sans); color: var(--muted); letter-spacing: .03em; }
.noteref a { text-decoration: none; }
.notes { list-style: none; padding-left: 0; }
.line { position: relative; }
.line.part-M { padding-left: 4em; }
.line.part-F { padding-left: 8em; }
ul.cast { list-style: none; padding-left: 0; }
ul.cast ul.cast { padding-left: 1.5rem; }
.cast-item, .cast-group { margin: .2rem 0; }
.cast-group-head { font-style: italic; }
.cast-group-desc { color: var(--muted); }
.line-number { position: absolute; right: 0; font: .8rem var(--sans); color: var(--muted); }
.note-label { font-weight: 600; margin-right: .25em; }
.sidenote { display: none; }
.chart { max-width: 100%; height: auto; font: 12px var(--sans); }
.chart-label, .chart-value { fill: var(--ink); }
.chart-bar { fill: #2f5f8f; }
/* The view switch: reading view by default, diplomatic when its radio button is checked. */
.dip { display: none; }
body:has(#view-diplomatic:checked) .dip { display: inline; }
body:has(#view-diplomatic:checked) .rdg { display: none; }
body:has(#view-diplomatic:checked) .supplied, body:has(#view-diplomatic:checked) ins.add { background: #f5ecd9; }
/*
  A wide screen: the apparatus in a column of its own at the left, sticky and scrolling on its
  own; the text in the middle; footnotes beside their references in the right margin.
*/
@media (min-width: 78rem) {
  .page { max-width: 80rem; display: grid; grid-template-columns: 19rem minmax(0, 1fr); grid-template-areas: "about head" "about text"; grid-template-rows: auto 1fr; column-gap: 2.5rem; }
  .masthead { grid-area: head; max-width: 40rem; }
  main { grid-area: text; max-width: 42rem; }
  main.with-margin-notes { max-width: 59rem; padding-right: 17rem; }
  aside dl.record { display: block; }
  aside dl.record dd { margin: 0 0 .4rem; }
  aside#about { grid-area: about; position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; padding: 0 .75rem 2rem 0; font-size: .92rem; }
  footer { max-width: 80rem; }
  .record-line .about-link { display: none; }
  .para .sidenote, .line .sidenote { display: block; float: right; clear: right; width: 15rem; margin-right: -17rem; margin-top: .2rem; font: .8rem/1.45 var(--sans); color: var(--muted); }
  .speech .sidenote, .narrative .sidenote { text-indent: 0; }
}
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; display: block; padding: 0; }
  .skip, nav.corpus, #views, aside#about, .sidenote, .turn-nav, .about-link, .downloads { display: none !important; }
  main { padding: 0; }
  a { color: inherit; text-decoration: none; }
  .turn, .para { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
    </style>
  </xsl:template>
</xsl:stylesheet>
