<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML reading edition of a TEI document: one self-contained page (inline CSS, no script,
  nothing loaded from anywhere; a Content-Security-Policy says so to the browser).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/structure.xsl"/>
  <xsl:include href="common/diplomatic.xsl"/>
  <xsl:include href="html/inline.xsl"/>
  <xsl:include href="html/blocks.xsl"/>
  <xsl:include href="html/front-matter.xsl"/>
  <xsl:include href="html/style.xsl"/>

  <!-- The view the page opens in; the reader switches on the page. -->
  <xsl:param name="view" as="xs:string" select="'reading'"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="(tei:TEI, tei:teiCorpus, *)[1]"/>
    <xsl:variable name="application" select="($tei//tei:appInfo/tei:application[@ident = 'teikit'])[1]"/>
    <html lang="{tk:text-language($tei)}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <!-- Says who wrote the page: a build replaces only files it wrote (src/build/pipeline.ts). -->
        <meta name="generator" content="teikit"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"/>
        <title>{tk:title($tei)}</title>
        <xsl:for-each select="tk:summary($tei)[1]">
          <meta name="description" content="{tk:clean(.)}"/>
        </xsl:for-each>
        <xsl:call-template name="tk:style"/>
      </head>
      <body>
        <a class="skip" href="#text">Skip to the text</a>
        <header>
          <h1>{tk:title($tei)}</h1>
          <xsl:for-each select="tk:subtitle($tei)">
            <p class="subtitle">{.}</p>
          </xsl:for-each>
          <xsl:call-template name="tk:record-description">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
        </header>
        <aside aria-label="About this record">
          <xsl:if test="exists(tk:summary($tei))">
            <section id="summary" aria-labelledby="summary-heading">
              <h2 id="summary-heading">Summary</h2>
              <xsl:for-each select="tk:summary($tei)">
                <xsl:apply-templates select="node()" mode="html-blocks"/>
              </xsl:for-each>
            </section>
          </xsl:if>
          <!-- Another project's manuscript description (msDesc) is shown as one: identifier, contents,
               physical description, history (teikit's own holds the archive's citation, shown above). -->
          <xsl:for-each select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc[empty($application)]">
            <section id="manuscript" aria-labelledby="manuscript-heading">
              <h2 id="manuscript-heading">Manuscript</h2>
              <xsl:for-each select="*">
                <h3 class="manuscript-part">{tk:manuscript-label(.)}</h3>
                <xsl:choose>
                  <xsl:when test="self::tei:msIdentifier"><p>{tk:manuscript-identifier(.)}</p></xsl:when>
                  <xsl:otherwise><xsl:apply-templates select="node()" mode="html-blocks"/></xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </section>
          </xsl:for-each>
          <xsl:call-template name="tk:how-to-cite">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
          <xsl:call-template name="tk:participants">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
          <xsl:call-template name="tk:speaking-chart">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
        </aside>
        <main id="text" aria-labelledby="text-heading">
          <xsl:if test="tk:is-right-to-left(tk:text-language($tei))">
            <xsl:attribute name="dir" select="'rtl'"/>
          </xsl:if>
          <xsl:call-template name="tk:view-switch">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
          <h2 id="text-heading">Text</h2>
          <xsl:apply-templates select="$tei/tei:text" mode="html-blocks"/>
          <!-- A documentary transcription (surfaces, zones, lines) is text too. -->
          <xsl:apply-templates select="$tei/tei:sourceDoc" mode="html-blocks"/>
          <xsl:call-template name="tk:notes">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
        </main>
        <footer>
          <p>Edition generated from TEI P5 by teikit{$application/@version ! (' ' || .)}. Editorial conventions are stated in the TEI header (encodingDesc).</p>
        </footer>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
