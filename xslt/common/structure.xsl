<?xml version="1.0" encoding="UTF-8"?>
<!--
  How a TEI text falls into blocks (paragraphs, turns, headings, lines) and which inline parts
  become footnotes, shared by the HTML and the plain-text editions so that both read alike.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- Elements that are one block of running text each (in any TEI project we have met). -->
  <xsl:variable name="tk:block-names" as="xs:string*" select="
      ('p', 'ab', 'head', 'l', 'item', 'stage', 'opener', 'closer', 'salute', 'signed', 'dateline',
       'docDate', 'docTitle', 'titlePart', 'byline', 'trailer', 'label', 'castItem', 'seg', 'bibl',
       'postscript', 'epigraph', 'argument', 'speaker', 'date', 'desc', 'quote', 'lg')"/>

  <!-- Containers: their children are blocks (or containers) in turn. -->
  <xsl:variable name="tk:container-names" as="xs:string*" select="
      ('text', 'front', 'body', 'back', 'group', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6',
       'div7', 'sp', 'u', 'list', 'listBibl', 'castList', 'castGroup', 'lg', 'floatingText', 'table',
       'row', 'cell', 'figure', 'listApp', 'app', 'set', 'listPerson', 'listPlace', 'listEvent')"/>

  <xsl:function name="tk:is-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = $tk:block-names and not(tk:is-container($element))"/>
  </xsl:function>

  <!-- A container holds blocks; an <lg> of <l>s is a container, a <seg> inside <p> is not. -->
  <xsl:function name="tk:is-container" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = $tk:container-names
                          and not($element/parent::*[local-name() = $tk:block-names and not(local-name() = $tk:container-names)])"/>
  </xsl:function>

  <!-- A translator's comment on a flagged word points at it: <note target="#sic-1" n="SIC">. -->
  <xsl:key name="tk:comment-on" match="tei:note[@target]" use="tokenize(@target) ! substring-after(., '#')"/>

  <!-- The comment on a flagged word ("[SIC, plural]"), if the word has one. -->
  <xsl:function name="tk:comment-on" as="element(tei:note)?">
    <xsl:param name="sic" as="element(tei:sic)"/>
    <xsl:sequence select="$sic/@xml:id ! key('tk:comment-on', string(.), root($sic))[1]"/>
  </xsl:function>

  <!-- The bracket convention (src/conventions/brackets.ts) a translator's inline note stands for. -->
  <xsl:function name="tk:note-convention" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/@target and $note/@n) then 'sic-comment'
                          else (map { 'marginal': 'marginal-note', 'signature': 'signature', 'stamp': 'stamp' }($note/@type), 'translator-note')[1]"/>
  </xsl:function>

  <!-- A note among blocks is a block where it stands; a note inside running text is a footnote. -->
  <!-- Inside running text: in a block, or in an element that is neither a block nor a container
       (a page's <fw>, a dictionary's <sense>). -->
  <xsl:function name="tk:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/self::tei:note and not($note/@type = 'original-form') and not($note/@place = 'inline')
                          and (exists($note/ancestor::*[tk:is-block(.)]) or not($note/parent::*[tk:is-block(.) or tk:is-container(.)]))"/>
  </xsl:function>

  <!--
    What the reading view moves to the notes so that no word is lost from a clean text: the
    alternative reading of a <choice>, a deletion, and the original form the translator reports.
  -->
  <xsl:function name="tk:is-reading-note" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="exists($node/(self::tei:choice, self::tei:del, self::tei:note[@type = 'original-form'], self::tei:note[@place = 'inline']))
                          and not($node/ancestor::tei:note)"/>
  </xsl:function>

  <!--
    Numbers of things in document order, counted once for the whole document (an accumulator
    would say the same, but SaxonJS recomputes one per call: quadratic on long texts).
  -->
  <xsl:function name="tk:numbering" as="map(xs:string, xs:integer)">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($nodes) return map { generate-id($nodes[$i]): $i })"/>
  </xsl:function>

  <xsl:variable name="tk:diplomatic-notes" select="tk:numbering(//tei:text//tei:note[tk:is-footnote(.)][not(ancestor::tei:note)])"/>
  <xsl:variable name="tk:reading-notes" select="tk:numbering(//tei:text//*[tk:is-footnote(.) or tk:is-reading-note(.)][not(ancestor::tei:note)])"/>

  <!-- Footnote number of a node: notes count in both views, reading-notes in the reading view only;
       none for what stands inside a note (a note in a note, a <choice> in a note), which is shown where it is. -->
  <xsl:function name="tk:footnote-number" as="xs:integer?">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:sequence select="(if ($view = 'reading') then $tk:reading-notes else $tk:diplomatic-notes)(generate-id($node))"/>
  </xsl:function>
</xsl:stylesheet>
