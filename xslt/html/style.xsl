<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's stylesheet, inlined (the page loads nothing). The view switch is CSS only:
  the radio buttons' state decides whether .dip (diplomatic) or .rdg (reading) parts show.
  Colours keep a contrast of at least 4.5:1 on the page background.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tk="urn:teikit:xslt"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template name="tk:style">
    <style>
:root { --ink: #1b1b1b; --muted: #4a4a4a; --paper: #fdfcf8; --link: #0b4f8a; --supplied: #7a3e00; --add: #1b5e20; --sic: #9b0000; --rule: #d6d2c4; }
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem 4rem; font: 1.05rem/1.6 Georgia, "Times New Roman", serif; }
a { color: var(--link); }
a:focus-visible, input:focus-visible + label { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .25rem .5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
.subtitle { color: var(--muted); margin-top: 0; }
dl.record { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .95rem; }
dl.record dt { font-weight: bold; grid-column: 1; }
dl.record dd { margin: 0; grid-column: 2; }
.citation { background: #f1eee3; padding: .5rem .75rem; border-left: 4px solid var(--rule); }
.view-switch { border: 1px solid var(--rule); padding: .5rem .75rem; }
.view-switch label { margin-right: 1rem; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; }
dl.legend dd { margin: 0; }
.turn { margin: 1.25rem 0; }
.speaker { font-family: system-ui, sans-serif; font-size: 1rem; margin: 0 0 .25rem; }
.turn-number { display: inline-block; min-width: 4.5rem; color: var(--muted); font-weight: normal; font-size: .85rem; }
.editorial { color: var(--muted); }
.para { margin: 0 0 .75rem; }
.narrative { color: #2e2e2e; border-left: 3px solid var(--rule); padding-left: .75rem; }
#summary .narrative { border: 0; padding: 0; }
.para.right { text-align: right; border-left: 0; }
.para.center { text-align: center; border-left: 0; }
.pilcrow { font: .75rem system-ui, sans-serif; color: var(--muted); text-decoration: none; margin-right: .25rem; }
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
table.table { border-collapse: collapse; margin: 1rem 0; }
pre.egXML { background: #f4f1ea; padding: .5rem .75rem; overflow-x: auto; font-size: .85rem; white-space: pre-wrap; }
table.table td, table.table th { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top; }
table.table caption { text-align: left; font-weight: 600; }
.fw { font: .8rem system-ui, sans-serif; color: var(--muted); letter-spacing: .03em; }
.noteref a { text-decoration: none; }
.notes { list-style: none; padding-left: 0; }
.line { position: relative; }
.line-number { position: absolute; right: 0; font: .8rem system-ui, sans-serif; color: var(--muted); }
.note-label { font-weight: 600; margin-right: .25em; }
.chart { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
.chart-label, .chart-value { fill: var(--ink); }
.chart-bar { fill: #2f5f8f; }
.persons { padding-left: 1.25rem; }
.group.mentioned { color: var(--muted); }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--rule); }
/* The view switch: reading view by default, diplomatic when its radio button is checked. */
.dip { display: none; }
body:has(#view-diplomatic:checked) .dip { display: inline; }
body:has(#view-diplomatic:checked) .rdg { display: none; }
body:has(#view-diplomatic:checked) .supplied, body:has(#view-diplomatic:checked) ins.add { background: #f5ecd9; }
@media print {
  body { max-width: none; font-size: 11pt; }
  .skip, #views, .downloads { display: none; }
  a { color: inherit; text-decoration: none; }
  .turn, .para { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
    </style>
  </xsl:template>
</xsl:stylesheet>
