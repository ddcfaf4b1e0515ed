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
  <!-- The TEI file's name, which a citation names where the edition has no URL of its own. -->
  <xsl:param name="source-name" as="xs:string" select="''"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
  <xsl:mode on-no-match="fail"/>

  <!--
    The page: title, date and source, then the text at once; everything else about the record
    (its description, summary, contents, persons, citation, conventions) in folded panels beside
    the text on a wide screen and after it on a narrow one (html/style.xsl). The build puts a
    corpus's navigation between the two comments at the top (src/build/navigation.ts).
  -->
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
        <xsl:comment>teikit:corpus</xsl:comment>
        <xsl:comment>/teikit:corpus</xsl:comment>
        <div class="page">
          <header class="masthead">
            <h1>{tk:title($tei)}</h1>
            <xsl:for-each select="tk:subtitle($tei)">
              <p class="subtitle">{.}</p>
            </xsl:for-each>
            <xsl:call-template name="tk:record-line">
              <xsl:with-param name="tei" select="$tei"/>
            </xsl:call-template>
          </header>
          <main id="text" aria-labelledby="text-heading">
            <!-- Room in the margin on a wide screen only where there are notes to put there. -->
            <xsl:if test="exists($tei/tei:text//(tei:note[tk:is-footnote(.)], tei:ref[@type = 'note']))">
              <xsl:attribute name="class" select="'with-margin-notes'"/>
            </xsl:if>
            <xsl:if test="tk:is-right-to-left(tk:text-language($tei))">
              <xsl:attribute name="dir" select="'rtl'"/>
            </xsl:if>
            <h2 id="text-heading" class="visually-hidden">Text</h2>
            <xsl:call-template name="tk:view-switch"/>
            <xsl:apply-templates select="$tei/tei:text" mode="html-blocks"/>
            <xsl:for-each select="tk:members($tei)">
              <section class="member" aria-labelledby="member-{position()}">
                <h2 id="member-{position()}" class="member-title">{tk:title(.)}</h2>
                <xsl:apply-templates select="tei:text" mode="html-blocks"/>
              </section>
            </xsl:for-each>
            <!-- A documentary transcription (surfaces, zones, lines) is text too. -->
            <xsl:apply-templates select="$tei/tei:sourceDoc" mode="html-blocks"/>
            <xsl:call-template name="tk:notes">
              <xsl:with-param name="tei" select="$tei"/>
            </xsl:call-template>
          </main>
          <aside id="about" aria-label="About this edition">
            <xsl:call-template name="tk:panel">
              <xsl:with-param name="id" select="'record'"/>
              <xsl:with-param name="heading" select="'About this record'"/>
              <xsl:with-param name="open" select="true()"/>
              <xsl:with-param name="content">
                <xsl:call-template name="tk:record-description">
                  <xsl:with-param name="tei" select="$tei"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="tk:panel">
              <xsl:with-param name="id" select="'summary'"/>
              <xsl:with-param name="heading" select="'Summary'"/>
              <xsl:with-param name="open" select="true()"/>
              <xsl:with-param name="content" as="node()*">
                <xsl:for-each select="tk:summary($tei)">
                  <xsl:apply-templates select="node()" mode="html-blocks"/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="tk:panel">
              <xsl:with-param name="id" select="'contents'"/>
              <xsl:with-param name="heading" select="'Contents'"/>
              <xsl:with-param name="open" select="true()"/>
              <xsl:with-param name="content" as="node()*">
                <xsl:call-template name="tk:contents">
                  <xsl:with-param name="tei" select="$tei"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
            <!-- Another project's manuscript description (msDesc) is shown as one: identifier, contents,
                 physical description, history (teikit's own holds the archive's citation, shown above). -->
            <xsl:call-template name="tk:panel">
              <xsl:with-param name="id" select="'manuscript'"/>
              <xsl:with-param name="heading" select="'Manuscript'"/>
              <xsl:with-param name="open" select="true()"/>
              <xsl:with-param name="content" as="node()*">
                <xsl:for-each select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc[empty($application)]/*">
                  <h3 class="manuscript-part">{tk:manuscript-label(.)}</h3>
                  <xsl:choose>
                    <xsl:when test="self::tei:msIdentifier"><p>{tk:manuscript-identifier(.)}</p></xsl:when>
                    <xsl:otherwise><xsl:apply-templates select="node()" mode="html-blocks"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="tk:panel">
              <xsl:with-param name="id" select="'participants'"/>
              <xsl:with-param name="heading" select="'Participants'"/>
              <xsl:with-param name="open" select="true()"/>
              <xsl:with-param name="content" as="node()*">
                <xsl:call-template name="tk:participants">
                  <xsl:with-param name="tei" select="$tei"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="tk:panel">
              <xsl:with-param name="id" select="'speaking'"/>
              <xsl:with-param name="heading" select="'Who spoke how much'"/>
              <xsl:with-param name="content" as="node()*">
                <xsl:call-template name="tk:speaking-chart">
                  <xsl:with-param name="tei" select="$tei"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="tk:panel">
              <xsl:with-param name="id" select="'cite'"/>
              <xsl:with-param name="heading" select="'How to cite'"/>
              <xsl:with-param name="content" as="node()*">
                <xsl:call-template name="tk:how-to-cite">
                  <xsl:with-param name="tei" select="$tei"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="tk:panel">
              <xsl:with-param name="id" select="'conventions'"/>
              <xsl:with-param name="heading" select="'Editorial signs'"/>
              <xsl:with-param name="content" as="node()*">
                <xsl:call-template name="tk:legend">
                  <xsl:with-param name="tei" select="$tei"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </aside>
        </div>
        <footer>
          <p>Edition generated from TEI P5 by teikit{$application/@version ! (' ' || .)}. Editorial conventions are stated in the TEI header (encodingDesc).</p>
        </footer>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
