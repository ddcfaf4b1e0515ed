<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text edition of a TEI document: a header block (title, date, source, translator,
  edition, rights, summary), then the text in blocks wrapped at $width columns, then the notes.
  $view: 'reading' (clean text) or 'diplomatic' (the translator's brackets as in the source).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/structure.xsl"/>
  <xsl:include href="common/diplomatic.xsl"/>
  <xsl:include href="text/inline.xsl"/>
  <xsl:include href="text/blocks.xsl"/>

  <xsl:param name="view" as="xs:string" select="'reading'"/>
  <xsl:param name="width" as="xs:integer" select="78"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>

  <!-- Lines of at most $width characters (a longer word stands alone on its line). -->
  <xsl:function name="tk:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:variable name="room" select="$width - string-length($indent)"/>
    <xsl:variable name="lines" select="analyze-string(normalize-space($text), '(.{1,' || $room || '})( |$)|(\S+)( |$)')/*:match ! normalize-space(.)"/>
    <xsl:sequence select="string-join($lines ! ($indent || .), '&#10;')"/>
  </xsl:function>

  <xsl:function name="tk:field" as="xs:string?">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:sequence select="if (exists($values[normalize-space()])) then tk:wrap($label || ': ' || string-join($values, '; '), '') else ()"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="tei" select="(tei:TEI, tei:teiCorpus, *)[1]"/>
    <xsl:variable name="date" select="tk:date($tei)"/>
    <!-- A manuscript description: each part under its label, its blocks wrapped. -->
    <xsl:variable name="manuscript" as="xs:string*">
      <!-- Another project's; teikit's own holds the archive's citation, in "Source" above. -->
      <xsl:for-each select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc[empty($tei//tei:appInfo/tei:application[@ident = 'teikit'])]/*">
        <xsl:sequence select="'', tk:manuscript-label(.) || ':'"/>
        <xsl:choose>
          <xsl:when test="self::tei:msIdentifier">
            <xsl:sequence select="tk:wrap(tk:manuscript-identifier(.), '  ')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="blocks" as="xs:string*">
              <xsl:apply-templates select="node()" mode="text-blocks">
                <xsl:with-param name="view" select="$view" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:variable>
            <xsl:sequence select="$blocks ! tk:wrap(., '  ')"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="header" as="xs:string*" select="
        tk:wrap(upper-case(tk:title($tei)), ''),
        tk:subtitle($tei) ! tk:wrap(., ''),
        '',
        tk:field('Date', $date ! tk:date-text(.)),
        tk:field('Source', tk:archive($tei)),
        tk:field('Translated by', tk:translators($tei)),
        tk:field('Edition', (tk:publisher($tei), tk:edition-date($tei), tk:url($tei))),
        tk:field('View', if ($view = 'diplomatic') then 'diplomatic (the translator''s brackets as in the source)' else 'reading (clean text; editorial matter in the notes)'),
        tk:rights($tei)[1] ! tk:field('Rights', .),
        subsequence(tk:rights($tei), 2) ! tk:wrap(., '  '),
        tk:summary($tei) ! ('', 'Summary:', tk:wrap(tk:inline(., $view), '  ')),
        $manuscript"/>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="$tei/(tei:text, tei:sourceDoc)" mode="text-blocks">
        <xsl:with-param name="view" select="$view" tunnel="yes"/>
      </xsl:apply-templates>
      <!-- A corpus's documents, each under its title. -->
      <xsl:for-each select="tk:members($tei)">
        <xsl:sequence select="upper-case(tk:title(.))"/>
        <xsl:apply-templates select="tei:text" mode="text-blocks">
          <xsl:with-param name="view" select="$view" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="noted" select="$tei//tei:text//*[tk:is-footnote(.) or ($view = 'reading' and tk:is-reading-note(.))][not(ancestor::tei:note)]"/>
    <xsl:variable name="notes" as="xs:string*" select="
        if (exists($noted)) then ('Notes', for $n in $noted return tk:wrap('[' || tk:footnote-label($n, $view) || '] ' || tk:note-text($n, $view), '')) else ()"/>
    <xsl:value-of select="string-join(($header, '', string-join((1 to $width) ! '-'), ''), '&#10;')"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="string-join(($blocks ! tk:wrap(., ''), $notes), '&#10;&#10;')"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
