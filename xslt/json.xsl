<?xml version="1.0" encoding="UTF-8"?>
<!--
  The catalogue record of a TEI document as JSON: what a list of editions shows of each one.
  The header functions are the ones the HTML edition uses, so catalogue and edition agree.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="common/header.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Written through xml-to-json, whose keys keep this order (a map's would not). -->
  <xsl:template match="/">
    <xsl:variable name="tei" select="(tei:TEI, tei:teiCorpus, *)[1]"/>
    <xsl:variable name="json">
      <fn:map>
        <fn:string key="id">{tk:edition-id($tei)}</fn:string>
        <fn:string key="title">{tk:title($tei)}</fn:string>
        <xsl:for-each select="tk:subtitle($tei)"><fn:string key="subtitle">{.}</fn:string></xsl:for-each>
        <xsl:for-each select="tk:iso-date($tei)"><fn:string key="date">{.}</fn:string></xsl:for-each>
        <xsl:for-each select="tk:date($tei)"><fn:string key="dateText">{tk:date-text(.)}</fn:string></xsl:for-each>
        <xsl:for-each select="tk:archival-signature($tei)"><fn:string key="archive">{.}</fn:string></xsl:for-each>
        <xsl:for-each select="tk:repository($tei)"><fn:string key="repository">{.}</fn:string></xsl:for-each>
        <xsl:for-each select="tk:source-note($tei)[empty(tk:archival-signature($tei))]"><fn:string key="sourceNote">{.}</fn:string></xsl:for-each>
        <fn:array key="translators">
          <xsl:for-each select="tk:translators($tei)"><fn:string>{.}</fn:string></xsl:for-each>
        </fn:array>
        <fn:array key="participants">
          <xsl:for-each select="tk:participant-names($tei)"><fn:string>{.}</fn:string></xsl:for-each>
        </fn:array>
        <xsl:for-each select="tk:summary($tei)[1]"><fn:string key="summary">{tk:clean(.)}</fn:string></xsl:for-each>
      </fn:map>
    </xsl:variable>
    <xsl:value-of select="xml-to-json($json)"/>
  </xsl:template>
</xsl:stylesheet>
