<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode text-blocks: the text of a TEI document as a sequence of blocks (strings), one per
  paragraph, heading, line or turn opening; containers are walked, anything unknown falls back
  to its text so that no word is dropped.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:mode name="text-blocks" on-no-match="fail"/>

  <xsl:function name="tk:inline" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="content">
      <xsl:apply-templates select="$nodes" mode="text-inline">
        <xsl:with-param name="view" select="$view" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="normalize-space($content)"/>
  </xsl:function>

  <xsl:template match="text()" mode="text-blocks" as="xs:string?">
    <xsl:sequence select="normalize-space(.)[. != '']"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="text-blocks"/>

  <xsl:template match="tei:g[@type = 'control']" mode="text-blocks"/>

  <xsl:template match="*" mode="text-blocks" as="xs:string*">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="tk:is-container(.) or (not(tk:is-block(.)) and exists(.//*[tk:is-block(.)]))">
        <xsl:apply-templates mode="#current"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="tk:inline(node(), $view)[. != '']"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A table row is one block, its cells apart: "Spannung auf 1 qmm des Rohres | 3". -->
  <xsl:template match="tei:row" mode="text-blocks" as="xs:string?">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:sequence select="string-join(tei:cell ! normalize-space(tk:inline(node(), $view)), ' | ')[normalize-space()]"/>
  </xsl:template>

  <!-- An utterance (a parliament's transcript has no speaker labels): its speaker's name in brackets
       opens it. Not a teikit turn without a label: the source had none, and the text adds none. -->
  <xsl:template match="tei:u[@who]" mode="text-blocks" as="xs:string*">
    <xsl:variable name="rest" as="xs:string*">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:sequence select="('[' || tk:name-of(., @who) || '] ' || $rest[1], subsequence($rest, 2))"/>
  </xsl:template>

  <!-- A verse line, with its number after it on every fifth line. -->
  <xsl:template match="tei:l" mode="text-blocks" as="xs:string?">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <!-- Em spaces: the wrapping folds ordinary ones. -->
    <xsl:sequence select="string-join((tk:inline(node(), $view), @n[tk:shows-line-number(..)] ! ('&#x2003;&#x2003;' || .)))[. != '']"/>
  </xsl:template>

  <!-- A TEI example (egXML) is markup to show: as written. -->
  <xsl:template match="*[local-name() = 'egXML'][namespace-uri() = 'http://www.tei-c.org/ns/Examples']" mode="text-blocks" as="xs:string">
    <xsl:sequence select="tk:example-markup(.)"/>
  </xsl:template>

  <!-- Footnotes are printed at the end, not where they stand. -->
  <xsl:template match="tei:note[tk:is-footnote(.)]" mode="text-blocks"/>

  <!--
    A turn: its label opens the first paragraph when the source wrote it inline ("Cde. Mikoyan.
    It is…"), and stands alone otherwise, as speaker/@rend says (inline or block); in TEI that
    does not say, a label ending in a period or colon is taken to have been inline.
  -->
  <xsl:template match="tei:sp[tei:speaker]" mode="text-blocks" as="xs:string*">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:variable name="label" select="tk:inline(tei:speaker/node(), $view)"/>
    <xsl:variable name="rest" as="xs:string*">
      <xsl:apply-templates select="node() except tei:speaker" mode="#current"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="(if (tei:speaker/@rend = ('inline', 'block')) then tei:speaker/@rend = 'inline' else matches($label, '[.:]$')) and exists($rest)">
        <xsl:sequence select="($label || ' ' || $rest[1], subsequence($rest, 2))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="($label, $rest)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
