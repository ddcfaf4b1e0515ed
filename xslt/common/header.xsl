<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the editions show of the TEI header, as functions: one place that knows where a title,
  a date, an archive or a translator lives, in teikit's TEI and in other projects' TEI alike.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- Text of a node with whitespace runs folded, as a reader sees it. -->
  <xsl:function name="tk:clean" as="xs:string">
    <xsl:param name="node" as="item()?"/>
    <xsl:sequence select="normalize-space(string($node))"/>
  </xsl:function>

  <!-- The edition's own id (teikit's idno), else the document's. -->
  <xsl:function name="tk:edition-id" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(($tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'teikit'], $tei/@xml:id) ! tk:clean(.), 'edition')[normalize-space()][1]"/>
  </xsl:function>

  <xsl:function name="tk:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="titles" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="(($titles[@type = 'main'], $titles)[normalize-space()][1] ! tk:clean(.), 'Untitled document')[1]"/>
  </xsl:function>

  <xsl:function name="tk:subtitle" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'][1] ! tk:clean(.)"/>
  </xsl:function>

  <!-- The document's own date: creation, else the date line of the text, else a dated source. -->
  <xsl:function name="tk:date" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <!-- The document's own date: of its creation, its sending, its dateline; from the source
         description only the manuscript's date of origin (its other dates are often of a print
         edition or a discovery). -->
    <xsl:sequence select="($tei/tei:teiHeader/tei:profileDesc/tei:creation//(tei:date, tei:origDate),
                           $tei/tei:teiHeader/tei:profileDesc/tei:correspDesc//tei:date,
                           $tei/tei:text//tei:docDate,
                           $tei/tei:text//tei:dateline//tei:date,
                           $tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:origDate)[normalize-space() or @when or @notBefore or @notAfter or @from or @to][1]"/>
  </xsl:function>

  <!-- A date as words: its text, else its attributes ("1450–1475", "not before 1450"). -->
  <xsl:function name="tk:date-text" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="start" select="($date/@from, $date/@notBefore)[1]"/>
    <xsl:variable name="end" select="($date/@to, $date/@notAfter)[1]"/>
    <xsl:sequence select="if (normalize-space($date)) then tk:clean($date)
                          else if ($date/@when) then string($date/@when)
                          else if ($start and $end) then $start || '–' || $end
                          else if ($start) then 'not before ' || $start
                          else 'not after ' || $end"/>
  </xsl:function>

  <!-- ISO form of the document's date, when it has one. -->
  <xsl:function name="tk:iso-date" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="tk:date($tei)"/>
    <xsl:sequence select="($date/@when, $date/@notBefore)[1] ! string(.)"/>
  </xsl:function>

  <xsl:function name="tk:translators" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[contains(lower-case(string(tei:resp)), 'transl')]/(tei:persName, tei:name, tei:orgName) ! tk:clean(.)"/>
  </xsl:function>

  <!-- Where the original is kept: "GARF, Fond 5446, …" as cited, else repository and shelfmark. -->
  <xsl:function name="tk:archival-signature" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="identifier" select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msIdentifier)[1]"/>
    <xsl:sequence select="(
        $identifier//tei:altIdentifier/tei:idno[@type = 'archival'] ! tk:clean(.),
        $identifier[tei:repository] ! string-join((tk:clean(tei:repository), tei:idno ! tk:clean(.)), ', ')
      )[normalize-space()][1]"/>
  </xsl:function>

  <!-- The source's own reference line (a FRUS document's file number, "893.00/10–1244"). -->
  <xsl:function name="tk:source-note" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:bibl/tei:note[@type = 'source'] ! tk:clean(.))[normalize-space()][1]"/>
  </xsl:function>

  <!-- For a citation: the archival signature, else the source's reference line. -->
  <xsl:function name="tk:archive" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(tk:archival-signature($tei), tk:source-note($tei))[1]"/>
  </xsl:function>

  <xsl:function name="tk:repository" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:repository)[1] ! tk:clean(.)"/>
  </xsl:function>

  <xsl:function name="tk:publisher" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/(tei:publisher, tei:authority, tei:distributor))[1] ! tk:clean(.)"/>
  </xsl:function>

  <xsl:function name="tk:edition-date" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date)[1] ! (@when, .)[1] ! tk:clean(.)"/>
  </xsl:function>

  <xsl:function name="tk:url" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URI'])[1] ! tk:clean(.) ! tk:web-url(.)"/>
  </xsl:function>

  <!-- The source record's own page at its archive (teikit's online-record bibl, another project's source bibl). -->
  <xsl:function name="tk:record-url" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:bibl/tei:idno[@type = 'URI'] ! tk:clean(.) ! tk:web-url(.))[matches(., '^https?:', 'i')][1]"/>
  </xsl:function>

  <!-- A URL a page may link to: http(s) or relative, never "javascript:" or "data:" (browsers
       ignore spaces and control characters inside a scheme, so those are ignored here too). -->
  <xsl:function name="tk:web-url" as="xs:string?">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="bare" select="replace($url, '[\s\p{Cc}]', '')"/>
    <xsl:sequence select="$url[not(matches($bare, '^[A-Za-z][A-Za-z0-9+.\-]*:')) or matches($bare, '^https?:', 'i')]"/>
  </xsl:function>

  <!-- Licence first, then the rights statements, each as one string. -->
  <xsl:function name="tk:rights" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability/(tei:licence, tei:p)[normalize-space()] ! tk:clean(.)"/>
  </xsl:function>

  <xsl:function name="tk:summary" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract"/>
  </xsl:function>

  <!-- Names of the persons who took part (not those only mentioned), in document order, once each. -->
  <xsl:function name="tk:participant-names" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="distinct-values($tei/tei:teiHeader/tei:profileDesc/tei:particDesc//tei:listPerson[not(@type = 'mentioned')]/tei:person/((tei:persName, tei:name, tei:*)[1] ! tk:clean(.))[normalize-space()])"/>
  </xsl:function>

  <xsl:key name="tk:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- A document describing the persons a document points at from outside it (ParlaMint's corpus root), given to teikit render as its persons option. -->
  <xsl:param name="persons" as="document-node()?" select="()"/>

  <!-- The person an @who/@ref points at: in this document, else in the persons document. -->
  <xsl:function name="tk:person" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="id" select="tokenize(normalize-space($pointer), ' ')[1] ! replace(., '^#', '')"/>
    <xsl:sequence select="if ($id) then (key('tk:id', $id, root($context)), $persons ! key('tk:id', $id, .))[1] else ()"/>
  </xsl:function>

  <!-- A name for whoever an @who points at: the person's first name form, else the id itself. -->
  <xsl:function name="tk:name-of" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="person" select="tk:person($context, $pointer)"/>
    <!-- An if-chain: the person's whole text is read only where no name form says it. -->
    <xsl:variable name="named" select="string(($person/(tei:persName, tei:name, tei:orgName))[1] ! tk:clean(.))"/>
    <xsl:sequence select="if ($named) then $named else ($person ! tk:clean(.), replace(normalize-space($pointer), '^#', ''))[normalize-space()][1]"/>
  </xsl:function>

  <!-- The documents of a corpus (teiCorpus), its included members too: each rendered with its title. -->
  <xsl:function name="tk:members" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei[self::tei:teiCorpus]//tei:TEI"/>
  </xsl:function>

  <!-- Turns: teikit's <sp>, ParlaMint's <u>. -->
  <xsl:function name="tk:turns" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:text//(tei:sp, tei:u)"/>
  </xsl:function>

  <xsl:function name="tk:word-count" as="xs:integer">
    <xsl:param name="node" as="node()"/>
    <!-- Words are what single spaces separate once the text is normalized: counting spaces builds no sequence of words. -->
    <xsl:variable name="text" select="normalize-space(string-join($node//text()[not(ancestor::tei:speaker or ancestor::tei:note)], ' '))"/>
    <xsl:sequence select="if ($text) then string-length($text) - string-length(translate($text, ' ', '')) + 1 else 0"/>
  </xsl:function>
</xsl:stylesheet>
